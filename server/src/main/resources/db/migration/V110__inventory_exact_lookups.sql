-- Exact look-ups that stay fast under row-level security. RLS lets only LEAKPROOF operators into index conditions
-- ahead of the tenant policy; lower() and LIKE are not leakproof, so "lower(asset_tag) = ?" cannot use
-- assets_tag_uq and scans every asset of the company. A stored lower-case copy compared with = (texteq is
-- leakproof) can. Measured with 1,000,000 assets: 400 ms -> below 1 ms (bench/inventory.sh).
ALTER TABLE assets ADD COLUMN asset_tag_key text GENERATED ALWAYS AS (lower(asset_tag)) STORED;
CREATE INDEX assets_tag_key_idx ON assets (tenant_id, asset_tag_key);
-- search by model and lists filtered by model
CREATE INDEX assets_model_idx ON assets (tenant_id, model_id, created_at, id);
