package dev.holdfast.tracking.domain;

import static dev.holdfast.tracking.domain.TrackFixtures.IBEACON_TAG;
import static dev.holdfast.tracking.domain.TrackFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import dev.holdfast.protocol.AdvertisementParser;
import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BleSighting;
import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.TagId;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CorrelatorTest {

    static final long T0 = 1_780_000_000_000L;
    final UUID asset = UUID.randomUUID();
    final Correlator correlator = new Correlator(2.5);

    @Test
    void aWalkPastATagPlacesItNearWhereItIs() {
        // the tag is 4 m north of a path walked west to east at about 1.3 m/s
        TrackFixtures.Walk walk = new TrackFixtures.Walk(1).leg(T0, -60, 0, 60, 0, 90, 0, 4, 1, false, 2f);
        Correlation c = correlator.correlate(walk.batch(), 0, registered(IBEACON_TAG, asset));
        assertThat(c.passes()).hasSize(1);
        PassEstimate p = c.passes().get(0);
        double[] tag = TrackFixtures.at(0, 4);
        assertThat(Geo.metres(p.lat(), p.lon(), tag[0], tag[1])).isLessThan(6);
        assertThat(p.accuracyM()).isBetween(2.0, 15.0);
        assertThat(p.count()).isEqualTo(c.placed());
        assertThat(c.carries()).as("walking past is not handling").isEmpty();
    }

    @Test
    void sightingsOfUnregisteredTagsAreDropped() {
        TrackFixtures.Walk walk = new TrackFixtures.Walk(2).leg(T0, -60, 0, 60, 0, 90, 0, 4, 1, false, 2f);
        Correlation c = correlator.correlate(walk.batch(), 0, registered("ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:1", asset));
        assertThat(c.passes()).isEmpty();
        assertThat(c.placed()).isZero();
        assertThat(c.sightings()).isPositive();
    }

    @Test
    void theClockSkewMovesEveryTimeToServerTime() {
        TrackFixtures.Walk walk = new TrackFixtures.Walk(3).leg(T0, -60, 0, 60, 0, 90, 0, 4, 1, false, 2f);
        PassEstimate p = correlator.correlate(walk.batch(), 5_000, registered(IBEACON_TAG, asset)).passes().get(0);
        PassEstimate unskewed = correlator.correlate(walk.batch(), 0, registered(IBEACON_TAG, asset)).passes().get(0);
        assertThat(p.seenAt() - unskewed.seenAt()).isEqualTo(5_000);
    }

    @Test
    void aSightingWithoutAFixWithinTwoMinutesIsSkipped() {
        List<GpsFix> gps = List.of(new GpsFix(T0, 48.1, 11.5, 5f));
        byte[] adv = HexFormat.of().parseHex(TrackFixtures.IBEACON_HEX);
        List<BleSighting> ble = List.of(new BleSighting(T0 + 119_000, -60, adv, null),
                new BleSighting(T0 + 121_000, -60, adv, null));
        Correlation c = correlator.correlate(Batch.of(UUID.randomUUID(), T0 + 200_000, gps, ble, List.of()), 0,
                registered(IBEACON_TAG, asset));
        assertThat(c.placed()).isEqualTo(1);
    }

    @Test
    void aTagCarriedByAWalkingCollectorIsAHandlingAndIsPlacedWhereItWasPutDown() {
        TrackFixtures.Walk walk = new TrackFixtures.Walk(4)
                .leg(T0, -30, 0, 0, 0, 25, 0, 0, 2, false, 2f) // walks up to the tag
                .leg(T0 + 26_000, 0, 0, 60, 0, 50, 0, 0, 2, true, 2f) // carries it 60 m east
                .leg(T0 + 77_000, 60, 0, 60, 40, 30, 60, 0, 2, false, 2f); // puts it down, walks away north
        Correlation c = correlator.correlate(walk.batch(), 0, registered(IBEACON_TAG, asset));
        assertThat(c.carries()).hasSize(1);
        Carry carry = c.carries().get(0);
        assertThat(carry.endedAt() - carry.startedAt()).isBetween(40_000L, 60_000L);
        assertThat(carry.movedM()).isBetween(50.0, 70.0);
        PassEstimate last = c.passes().get(c.passes().size() - 1);
        double[] down = TrackFixtures.at(60, 0);
        assertThat(Geo.metres(last.lat(), last.lon(), down[0], down[1])).isLessThan(8);
    }

    @Test
    void standingStillNextToATagIsNotAHandling() {
        TrackFixtures.Walk walk = new TrackFixtures.Walk(5).leg(T0, 0, 0, 0, 0, 120, 0, 1, 2, false, 0.05f);
        Correlation c = correlator.correlate(walk.batch(), 0, registered(IBEACON_TAG, asset));
        assertThat(c.carries()).isEmpty();
        assertThat(c.passes()).hasSize(1);
    }

    @Test
    void aLongStayIsCutIntoPassesOfAtMostFifteenMinutes() {
        TrackFixtures.Walk walk = new TrackFixtures.Walk(6).leg(T0, 0, 0, 0, 0, 2000, 0, 3, 5, false, 0.05f);
        Correlation c = correlator.correlate(walk.batch(), 0, registered(IBEACON_TAG, asset));
        assertThat(c.passes()).hasSize(3);
    }

    /** Every fixture advertisement that names a tag is recognised when that tag is registered. */
    @Test
    void everyCapturedAdvertisementWithATagIdLocatesItsAsset() throws Exception {
        JsonNode records;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/ble-scan-records.json")) {
            records = JsonMapper.builder().build().readTree(in);
        }
        int located = 0;
        for (JsonNode r : records) {
            byte[] adv = HexFormat.of().parseHex(r.get("hex").asString());
            TagId tag = AdvertisementParser.parse(adv).flatMap(a -> a.tagId()).orElse(null);
            if (tag == null) {
                continue;
            }
            List<GpsFix> gps = new ArrayList<>();
            List<BleSighting> ble = new ArrayList<>();
            for (int s = 0; s < 20; s++) {
                gps.add(new GpsFix(T0 + s * 1000L, 48.1374, 11.5755 + s * 0.00001, 5f));
                ble.add(new BleSighting(T0 + s * 1000L + 500, -70, adv, null));
            }
            Correlation c = correlator.correlate(Batch.of(UUID.randomUUID(), T0 + 30_000, gps, ble, List.of()), 0,
                    registered(tag.toString(), asset));
            assertThat(c.passes()).as(r.get("format").asString()).hasSize(1);
            located++;
        }
        assertThat(located).as("iBeacon, AltBeacon and Eddystone-UID records").isGreaterThanOrEqualTo(8);
    }

    @Test
    void aMacTagIsFoundByTheAdvertisersAddress() {
        byte[] phoneLike = HexFormat.of().parseHex("0201061aff4c0002154142434445464748494041424344454600010002f8");
        List<GpsFix> gps = List.of(new GpsFix(T0, 48.1374, 11.5755, 5f), new GpsFix(T0 + 10_000, 48.1374, 11.5756, 5f));
        List<BleSighting> ble = List.of(new BleSighting(T0 + 5_000, -65, phoneLike, "6A:6B:C9:A2:3E:43"));
        Correlation c = correlator.correlate(Batch.of(UUID.randomUUID(), T0 + 20_000, gps, ble, List.of()), 0,
                registered("mac:6a:6b:c9:a2:3e:43", asset));
        assertThat(c.passes()).hasSize(1);
    }
}
