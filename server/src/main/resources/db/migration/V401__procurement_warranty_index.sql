-- The warranty page lists a company's assets by warranty end: the explicit expiry, else purchase date + warranty
-- months (the expression must match WarrantyList's query to be used).
CREATE INDEX procurement_assets_warranty_idx ON assets (tenant_id,
    (coalesce(warranty_expires_on, (purchase_date + make_interval(months => warranty_months))::date)), id);
