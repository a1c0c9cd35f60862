-- The management pages count what uses each manufacturer, location and department (one grouped query per page of
-- rows); these make those counts index look-ups instead of scans of every asset (or person) of the company.
CREATE INDEX assets_manufacturer_idx ON assets (tenant_id, manufacturer_id) WHERE manufacturer_id IS NOT NULL;
CREATE INDEX assets_assigned_location_idx ON assets (tenant_id, assigned_location_id) WHERE assigned_location_id IS NOT NULL;
CREATE INDEX people_department_idx ON people (tenant_id, department_id) WHERE department_id IS NOT NULL;
CREATE INDEX locations_parent_idx ON locations (tenant_id, parent_id) WHERE parent_id IS NOT NULL;
