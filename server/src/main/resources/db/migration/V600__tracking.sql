-- Tracking: what the correlation of collector uploads (and OsmAnd trackers) tells about assets. Every row here is about
-- an asset; none says where a collector device was. Rows derived from a batch keep an internal link to it (device_id,
-- batch_id: never selected by an API, page or export) so that erasing a device's field data reaches them. Sightings and
-- handling events live in day partitions dropped with the field data retention; visits are rebuilt from sightings.

-- A company's tracking settings.
CREATE TABLE tracking_settings
(
    tenant_id            uuid        NOT NULL PRIMARY KEY,
    auto_audit           boolean     NOT NULL DEFAULT false,
    not_seen_alert_days  int CHECK (not_seen_alert_days BETWEEN 1 AND 3650),
    away_alert_hours     int CHECK (away_alert_hours BETWEEN 1 AND 8760),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
SELECT enable_tenant_isolation('tracking_settings');
SELECT enable_installation_read('tracking_settings');

-- One row per pass: the consecutive sightings of one asset by one collector (or one OsmAnd report), summarised as the
-- asset's estimated position then, its uncertainty, the strongest signal and the closest distance.
CREATE TABLE asset_sightings
(
    tenant_id   uuid             NOT NULL,
    id          uuid             NOT NULL DEFAULT gen_random_uuid(),
    day         date             NOT NULL,
    asset_id    uuid             NOT NULL,
    seen_at     timestamptz      NOT NULL,
    first_at    timestamptz      NOT NULL,
    lat         double precision NOT NULL,
    lon         double precision NOT NULL,
    accuracy_m  real             NOT NULL,
    rssi        smallint,
    distance_m  real,
    sightings   int              NOT NULL,
    location_id uuid, -- the geofence the estimate is in
    source      text             NOT NULL CHECK (source IN ('ble', 'osmand')),
    device_id   uuid, -- internal link to the source batch (null for OsmAnd); never shown
    batch_id    uuid
) PARTITION BY RANGE (day);
CREATE INDEX asset_sightings_asset_idx ON asset_sightings (tenant_id, asset_id, seen_at);
CREATE INDEX asset_sightings_device_idx ON asset_sightings (tenant_id, device_id) WHERE device_id IS NOT NULL;
SELECT enable_tenant_isolation('asset_sightings');
SELECT enable_installation_read('asset_sightings');

-- Handling: the asset at close range of a moving collector for a while (carried), or its position changed (moved).
CREATE TABLE asset_handling
(
    tenant_id   uuid             NOT NULL,
    id          uuid             NOT NULL DEFAULT gen_random_uuid(),
    day         date             NOT NULL,
    asset_id    uuid             NOT NULL,
    started_at  timestamptz      NOT NULL,
    ended_at    timestamptz      NOT NULL,
    lat         double precision NOT NULL,
    lon         double precision NOT NULL,
    location_id uuid,
    moved_m     real             NOT NULL,
    kind        text             NOT NULL CHECK (kind IN ('carried', 'moved')),
    device_id   uuid, -- internal link (see above)
    batch_id    uuid
) PARTITION BY RANGE (day);
CREATE INDEX asset_handling_asset_idx ON asset_handling (tenant_id, asset_id, started_at);
CREATE INDEX asset_handling_device_idx ON asset_handling (tenant_id, device_id) WHERE device_id IS NOT NULL;
SELECT enable_tenant_isolation('asset_handling');
SELECT enable_installation_read('asset_handling');

-- Stays at a Location's geofence, rebuilt from the sightings of an asset whenever they change.
CREATE TABLE asset_visits
(
    tenant_id    uuid        NOT NULL,
    asset_id     uuid        NOT NULL,
    location_id  uuid        NOT NULL,
    arrived_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    left_at      timestamptz, -- seen elsewhere; null while there (or until not seen there for the debounce period)
    PRIMARY KEY (tenant_id, asset_id, arrived_at)
);
CREATE INDEX asset_visits_location_idx ON asset_visits (tenant_id, location_id, arrived_at);
SELECT enable_tenant_isolation('asset_visits');
SELECT enable_installation_read('asset_visits');

-- The latest position of every positioned asset (one row per asset): what lists, maps and alerts read.
CREATE TABLE asset_positions
(
    tenant_id   uuid             NOT NULL,
    asset_id    uuid             NOT NULL,
    seen_at     timestamptz      NOT NULL,
    since       timestamptz      NOT NULL, -- first sighting at this position (the estimate is refined until it moves)
    lat         double precision NOT NULL,
    lon         double precision NOT NULL,
    accuracy_m  real             NOT NULL,
    weight      double precision NOT NULL, -- sum of the fused estimates' weights (1 / accuracy^2)
    location_id uuid,
    source      text             NOT NULL CHECK (source IN ('ble', 'osmand')),
    PRIMARY KEY (tenant_id, asset_id),
    FOREIGN KEY (tenant_id, asset_id) REFERENCES assets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX asset_positions_seen_idx ON asset_positions (tenant_id, seen_at DESC, asset_id);
CREATE INDEX asset_positions_location_idx ON asset_positions (tenant_id, location_id) WHERE location_id IS NOT NULL;
CREATE INDEX asset_positions_geo_idx ON asset_positions (tenant_id, lon, lat);
SELECT enable_tenant_isolation('asset_positions');
SELECT enable_installation_read('asset_positions');

-- The OsmAnd endpoint is called by trackers without credentials: it finds the company of a tracker id (an asset's
-- osmand:<id> tag) installation-wide, then works under that company's row-level security.
SELECT enable_installation_read('asset_tags');

-- Late tags and changed geofences: the retained batches (or sightings) of a company are correlated again for them in
-- the background. tags null = recompute geofences and visits only.
CREATE TABLE tracking_recorrelations
(
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    tags         text[],
    requested_at timestamptz NOT NULL DEFAULT now(),
    done_until   timestamptz, -- the receipt time of the last batch done (the work resumes after it)
    PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('tracking_recorrelations');
SELECT enable_installation_read('tracking_recorrelations');
CREATE POLICY installation_work ON tracking_recorrelations FOR ALL USING (installation_scope()) WITH CHECK (installation_scope());

-- Creates the day partition of a day-partitioned table (idempotent, safe on several nodes at once), isolated by tenant.
CREATE FUNCTION ensure_day_partition(parent regclass, d date) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    part text := parent::text || '_' || to_char(d, 'YYYYMMDD');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext(parent::text || '_partitions'));
    IF to_regclass(part) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', part, parent, d, d + 1);
        PERFORM enable_tenant_isolation(part::regclass);
        PERFORM enable_installation_read(part::regclass);
    END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION ensure_day_partition(regclass, date) FROM PUBLIC, ${appRole};
