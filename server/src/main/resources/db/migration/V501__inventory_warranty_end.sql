-- When an asset's warranty ends: warranty_expires_on if set, else purchase_date + warranty_months.
-- One immutable function, used by the index and by every query (WarrantyAlertSource, InventoryOverview),
-- so the planner matches the expression and the warranty alert reads only the assets in its window.
CREATE FUNCTION asset_warranty_end(expires_on date, purchased_on date, months int) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT coalesce(expires_on, (purchased_on + months * interval '1 month')::date) $$;

CREATE INDEX assets_warranty_end_idx ON assets (tenant_id, asset_warranty_end(warranty_expires_on, purchase_date, warranty_months))
    WHERE warranty_expires_on IS NOT NULL OR (purchase_date IS NOT NULL AND warranty_months IS NOT NULL);
