-- How a company's generated asset tags look: literal text with {seq:N} (the counter, zero-padded to N digits)
-- and {yyyy} (the year of creation). Default HF-{seq:6} gives HF-000001.
ALTER TABLE inventory_settings ADD COLUMN asset_tag_pattern text NOT NULL DEFAULT 'HF-{seq:6}'
    CHECK (length(asset_tag_pattern) BETWEEN 1 AND 60 AND asset_tag_pattern LIKE '%{seq%');
