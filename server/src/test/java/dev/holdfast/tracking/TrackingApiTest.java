package dev.holdfast.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.notifications.AlertEvaluation;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.protocol.Batch;
import dev.holdfast.testing.AlertReEvaluations;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;
import dev.holdfast.tracking.domain.CorrelationWorker;
import dev.holdfast.tracking.domain.Geo;
import dev.holdfast.tracking.FieldUploads.Device;
import dev.holdfast.tracking.domain.TrackFixtures;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The tracking contract end to end: a collector enrolled with a real code uploads a real batch (the iBeacon of a
 * captured scan record) through the ingest endpoint; the correlation worker turns it into the asset's position, its
 * sighting, its visit of the Location's geofence and — when a collector carries the tag away — a handling; nothing
 * shows the device; another company gets 404; erasing the device's field data leaves nothing derived.
 */
class TrackingApiTest extends WebTest {

    @Autowired
    CorrelationWorker worker;
    @Autowired
    AlertEvaluation evaluation;
    @Autowired
    dev.holdfast.tracking.domain.TrackingRetention retention;

    TestAccounts.Person owner;
    ApiClient api;
    UUID depot;
    UUID asset;

    FieldUploads uploads;

    @BeforeEach
    void aCompanyWithADepotAndATaggedAsset() {
        uploads = new FieldUploads(port);
        owner = accounts.owner("Tracking Co");
        api = accounts.as(owner);
        ApiClient.Reply location = api.post("/api/v1/locations", Map.of("name", "Depot", "latitude", TrackFixtures.LAT0,
                "longitude", TrackFixtures.LON0, "radiusM", 40));
        assertThat(location.status()).isEqualTo(201);
        depot = UUID.fromString(location.json().get("id").asString());
        ApiClient.Reply created = api.post("/api/v1/assets", Map.of("name", "Pallet jack", "category", "Tools",
                "location", depot.toString(), "tags", List.of(TrackFixtures.IBEACON_TAG)));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        asset = UUID.fromString(created.json().get("id").asString());
    }

    Device enrol(String hardwareId) {
        return uploads.enrol(api, hardwareId);
    }

    void upload(Device device, Batch batch) throws Exception {
        uploads.upload(device, batch);
    }

    void correlate() {
        FieldUploads.correlate(worker);
    }

    /** A walk past the tag (at the depot's centre, 4 m off the path), 20 minutes ago. */
    Batch walkPast(long t0) {
        return new TrackFixtures.Walk(7).leg(t0, -80, 4, 80, 4, 120, 0, 0, 2, false, 2f).batch(System.currentTimeMillis());
    }

    @Test
    void aWalkPastLocatesTheAssetAndNothingShowsTheDevice() throws Exception {
        Device device = enrol("hw-" + UUID.randomUUID());
        assertThat(device.enrolment().get("bleFilter").get("ibeaconUuids").toString())
                .as("the filter follows the registered tags").contains("e2c56db5-dffb-48d2-b060-d0f5a71096e0");
        long t0 = System.currentTimeMillis() - 20 * 60_000;
        upload(device, walkPast(t0));
        correlate();

        ApiClient.Reply location = api.get("/api/v1/assets/" + asset + "/location");
        assertThat(location.status()).isEqualTo(200);
        JsonNode l = location.json();
        assertThat(fields(l)).containsExactlyInAnyOrder("seenAt", "lat", "lon", "accuracyM", "locationId",
                "locationName", "source");
        assertThat(Geo.metres(l.get("lat").asDouble(), l.get("lon").asDouble(), TrackFixtures.LAT0, TrackFixtures.LON0))
                .isLessThan(8);
        assertThat(l.get("locationId").asString()).isEqualTo(depot.toString());
        assertThat(l.get("locationName").asString()).isEqualTo("Depot");
        assertThat(l.get("source").asString()).isEqualTo("ble");
        Instant seen = Instant.parse(l.get("seenAt").asString());
        assertThat(seen).isBetween(Instant.ofEpochMilli(t0), Instant.ofEpochMilli(t0 + 121_000));

        JsonNode sightings = api.get("/api/v1/assets/" + asset + "/sightings").json();
        assertThat(sightings.get("items")).hasSize(1);
        assertThat(fields(sightings.get("items").get(0))).containsExactlyInAnyOrder("seenAt", "lat", "lon", "accuracyM",
                "rssi", "distanceM");
        JsonNode visits = api.get("/api/v1/assets/" + asset + "/visits").json().get("items");
        assertThat(visits).hasSize(1);
        assertThat(visits.get(0).get("locationId").asString()).isEqualTo(depot.toString());
        assertThat(visits.get(0).get("leftAt").isNull()).isTrue();
        assertThat(api.get("/api/v1/assets/" + asset + "/handling").json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/assets/" + asset).json().get("lastSeen").isNull()).isFalse();

        JsonNode positions = api.get("/api/v1/tracking/positions?category=Tools&seenSince="
                + Instant.ofEpochMilli(t0 - 60_000)).json();
        assertThat(positions.get("items")).hasSize(1);
        assertThat(positions.get("items").get(0).get("assetId").asString()).isEqualTo(asset.toString());
        assertThat(api.get("/api/v1/tracking/positions?bbox=0,0,1,1").json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/tracking/positions?notSeenSince=" + Instant.ofEpochMilli(t0)).json().get("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/tracking/positions?bbox=1,2,3").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/tracking/positions?seenSince=yesterday").status()).isEqualTo(422);
        // the list follows a change of the asset's category at once
        assertThat(api.patch("/api/v1/assets/" + asset, Map.of("category", "Vehicles")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tracking/positions?category=Tools").json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/tracking/positions?category=vehicles").json().get("items")).hasSize(1);
        JsonNode present = api.get("/api/v1/locations/" + depot + "/present").json();
        assertThat(present.get("items")).hasSize(1);

        // nothing a company member can read names the device or says where it was
        List<String> bodies = new ArrayList<>();
        for (String path : List.of("/assets/" + asset + "/location", "/assets/" + asset + "/sightings",
                "/assets/" + asset + "/visits", "/assets/" + asset + "/handling", "/tracking/positions",
                "/locations/" + depot + "/present", "/locations/" + depot + "/absent", "/assets/" + asset)) {
            bodies.add(api.get("/api/v1" + path).raw().body());
        }
        String identifier = api.get("/api/v1/devices/" + device.id()).json().get("identifier").asString();
        for (String body : bodies) {
            assertThat(body).doesNotContain(device.id().toString()).doesNotContain(identifier)
                    .doesNotContain("Pixel 8").doesNotContainIgnoringCase("device");
        }
    }

    @Test
    void anotherCompanyGets404ForEveryTrackingEndpoint() throws Exception {
        upload(enrol("hw-" + UUID.randomUUID()), walkPast(System.currentTimeMillis() - 20 * 60_000));
        correlate();
        ApiClient other = accounts.as(accounts.owner("Other Co"));
        for (String path : List.of("/assets/" + asset + "/location", "/assets/" + asset + "/sightings",
                "/assets/" + asset + "/visits", "/assets/" + asset + "/handling", "/locations/" + depot + "/present",
                "/locations/" + depot + "/absent")) {
            assertThat(other.get("/api/v1" + path).status()).as(path).isEqualTo(404);
        }
        assertThat(other.get("/api/v1/tracking/positions").json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/assets/" + UUID.randomUUID() + "/location").status()).isEqualTo(404);
    }

    @Test
    void aCarriedTagIsAHandlingEndsTheVisitAndMovesTheAsset() throws Exception {
        Device device = enrol("hw-" + UUID.randomUUID());
        long t0 = System.currentTimeMillis() - 30 * 60_000;
        upload(device, walkPast(t0));
        correlate();
        // five minutes later: a collector walks up, carries the tag 100 m east (out of the depot) and walks away
        long t1 = t0 + 300_000;
        Batch carried = new TrackFixtures.Walk(8)
                .leg(t1, -30, 0, 0, 0, 25, 0, 0, 2, false, 2f)
                .leg(t1 + 26_000, 0, 0, 100, 0, 80, 0, 0, 2, true, 2f)
                .leg(t1 + 107_000, 100, 0, 100, 40, 30, 100, 0, 2, false, 2f)
                .batch(System.currentTimeMillis());
        upload(device, carried);
        correlate();

        JsonNode handling = api.get("/api/v1/assets/" + asset + "/handling").json().get("items");
        assertThat(handling).hasSize(1);
        assertThat(fields(handling.get(0))).containsExactlyInAnyOrder("startedAt", "endedAt", "lat", "lon",
                "locationId", "movedM");
        assertThat(handling.get(0).get("movedM").asDouble()).isBetween(85.0, 115.0);
        JsonNode l = api.get("/api/v1/assets/" + asset + "/location").json();
        double[] down = TrackFixtures.at(100, 0);
        assertThat(Geo.metres(l.get("lat").asDouble(), l.get("lon").asDouble(), down[0], down[1])).isLessThan(10);
        assertThat(l.get("locationId").isNull()).isTrue();
        JsonNode visits = api.get("/api/v1/assets/" + asset + "/visits").json().get("items");
        assertThat(visits).hasSize(1);
        assertThat(visits.get(0).get("leftAt").isNull()).as("seen elsewhere: left").isFalse();
        assertThat(api.get("/api/v1/locations/" + depot + "/present").json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/locations/" + depot + "/absent").json().get("items")).hasSize(1);
    }

    @Test
    void erasingTheDevicesFieldDataLeavesNothingDerived() throws Exception {
        Device device = enrol("hw-" + UUID.randomUUID());
        upload(device, walkPast(System.currentTimeMillis() - 20 * 60_000));
        correlate();
        assertThat(api.get("/api/v1/assets/" + asset + "/location").status()).isEqualTo(200);

        assertThat(api.post("/api/v1/devices/" + device.id() + "/erase", Map.of()).status()).isIn(200, 202, 204);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (derivedRows() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(derivedRows()).isZero();
        assertThat(api.get("/api/v1/assets/" + asset + "/location").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/assets/" + asset + "/sightings").json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/assets/" + asset + "/visits").json().get("items")).isEmpty();
    }

    long derivedRows() {
        return transactions.inTenant(owner.tenantId(), () -> jdbc.sql("""
                select (select count(*) from asset_sightings where tenant_id = ?)
                     + (select count(*) from asset_handling where tenant_id = ?)
                     + (select count(*) from asset_visits where tenant_id = ?)
                     + (select count(*) from asset_positions where tenant_id = ?)
                """).params(owner.tenantId(), owner.tenantId(), owner.tenantId(), owner.tenantId())
                .query(Long.class).single());
    }

    @Test
    void aTagRegisteredLaterIsFoundInTheRetainedBatches() throws Exception {
        ApiClient.Reply late = api.post("/api/v1/assets", Map.of("name", "Generator"));
        UUID generator = UUID.fromString(late.json().get("id").asString());
        String tag = "ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:0";
        // the tag is on the pallet jack first; the generator gets it afterwards
        assertThat(api.patch("/api/v1/assets/" + asset, Map.of("tags", List.of())).status()).isEqualTo(200);
        upload(enrol("hw-" + UUID.randomUUID()), walkPast(System.currentTimeMillis() - 20 * 60_000));
        correlate();
        assertThat(api.get("/api/v1/assets/" + generator + "/location").status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/assets/" + generator, Map.of("tags", List.of(tag))).status()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (api.get("/api/v1/assets/" + generator + "/location").status() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(api.get("/api/v1/assets/" + generator + "/location").status()).isEqualTo(200);
    }

    @Test
    void trackingSettingsAreForAdmins() {
        assertThat(api.get("/api/v1/tracking-settings").json().get("notSeenAlertDays").asInt()).isEqualTo(7);
        ApiClient.Reply changed = api.patch("/api/v1/tracking-settings", Map.of("autoAudit", true, "awayAlertHours", 4));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("autoAudit").asBoolean()).isTrue();
        assertThat(changed.json().get("awayAlertHours").asInt()).isEqualTo(4);
        assertThat(api.patch("/api/v1/tracking-settings", Map.of("awayAlertHours", 0)).status()).isEqualTo(422);
        assertThat(api.patch("/api/v1/tracking-settings", Map.of("autoAudit", "yes")).status()).isEqualTo(422);
        ApiClient viewer = accounts.as(accounts.member(owner, dev.holdfast.accounts.Role.VIEWER));
        assertThat(viewer.get("/api/v1/tracking-settings").status()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/tracking/positions").status()).isEqualTo(200);
    }

    @Test
    void anAssetAwayFromItsLocationAndAnAssetNeverSeenRaiseTheirAlerts() throws Exception {
        UUID forklift = UUID.fromString(api.post("/api/v1/assets", Map.of("name", "Forklift",
                "tags", List.of("ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:9"))).json().get("id").asString());
        assertThat(api.patch("/api/v1/tracking-settings", Map.of("notSeenAlertDays", 1, "awayAlertHours", 4)).status())
                .isEqualTo(200);
        AlertReEvaluations.await(jdbc, owner.tenantId());
        // six hours ago a collector saw the pallet jack 150 m east of its depot
        long t0 = System.currentTimeMillis() - 6 * 3_600_000L;
        upload(enrol("hw-" + UUID.randomUUID()), new TrackFixtures.Walk(9).leg(t0, 70, 4, 230, 4, 120, 150, 0, 2, false,
                2f).batch(System.currentTimeMillis()));
        correlate();
        assertThat(api.get("/api/v1/assets/" + asset + "/location").json().get("locationId").isNull()).isTrue();
        transactions.inTenant(owner.tenantId(), () -> jdbc.sql(
                "update assets set created_at = now() - interval '2 days' where tenant_id = ? and id = ?")
                .params(owner.tenantId(), forklift).update());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(evaluation.evaluate(owner.tenantId(), AlertKind.ASSET_AWAY, today)).isEqualTo(1);
        assertThat(evaluation.evaluate(owner.tenantId(), AlertKind.ASSET_NOT_SEEN, today)).isEqualTo(1);
        JsonNode notifications = api.get("/api/v1/notifications").json();
        List<String> kinds = new ArrayList<>();
        notifications.forEach(n -> kinds.add(n.get("kind").asString() + " " + n.get("link").asString()));
        assertThat(kinds).contains("ASSET_AWAY /assets/" + asset, "ASSET_NOT_SEEN /assets/" + forklift);
        // raised once: the same conditions do not alert again
        assertThat(evaluation.evaluate(owner.tenantId(), AlertKind.ASSET_AWAY, today)).isZero();
        // off: no alert
        assertThat(api.patch("/api/v1/tracking-settings", java.util.Collections.singletonMap("notSeenAlertDays", null)).status()).isEqualTo(200);
        AlertReEvaluations.await(jdbc, owner.tenantId());
        assertThat(transactions.inTenant(owner.tenantId(), () -> jdbc.sql(
                "select count(*) from alerts where tenant_id = ? and kind = 'ASSET_NOT_SEEN' and cleared_at is null")
                .param(owner.tenantId()).query(Long.class).single())).isZero();
    }

    @Test
    void anAssetSeenInItsOwnLocationIsAuditedByTrackingWhenTheCompanyWantsIt() throws Exception {
        upload(enrol("hw-" + UUID.randomUUID()), walkPast(System.currentTimeMillis() - 40 * 60_000));
        correlate();
        assertThat(api.get("/api/v1/assets/" + asset + "/history").json().get("items").findValuesAsString("action"))
                .as("off by default").doesNotContain("asset.audited");
        assertThat(api.patch("/api/v1/tracking-settings", Map.of("autoAudit", true)).status()).isEqualTo(200);
        upload(enrol("hw-" + UUID.randomUUID()), walkPast(System.currentTimeMillis() - 20 * 60_000));
        correlate();
        JsonNode history = api.get("/api/v1/assets/" + asset + "/history").json().get("items");
        assertThat(history.get(0).get("action").asString()).isEqualTo("asset.audited");
        assertThat(history.get(0).get("actorLabel").asString()).isEqualTo("tracking");
        assertThat(api.get("/api/v1/assets/" + asset).json().get("lastAuditAt").isNull()).isFalse();
    }

    @Test
    void retentionTakesTheDerivedRowsAndThePositionsTheyMadeAlong() throws Exception {
        upload(enrol("hw-" + UUID.randomUUID()), walkPast(System.currentTimeMillis() - 3 * 86_400_000L));
        correlate();
        assertThat(api.get("/api/v1/assets/" + asset + "/location").status()).isEqualTo(200);
        retention.purge(owner.tenantId(), 5);
        assertThat(api.get("/api/v1/assets/" + asset + "/location").status()).as("within 5 days").isEqualTo(200);
        retention.purge(owner.tenantId(), 2);
        assertThat(derivedRows()).isZero();
        assertThat(api.get("/api/v1/assets/" + asset + "/location").status()).isEqualTo(404);
    }

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
