-- One warranty-end definition: the warranty page now reads the stored assets.warranty_ends_on (V501) through
-- assets_warranty_ends_idx. V401's expression index was never used — row-level security keeps the non-leakproof date
-- arithmetic out of index conditions — and only cost writes and space.
DROP INDEX IF EXISTS procurement_assets_warranty_idx;
