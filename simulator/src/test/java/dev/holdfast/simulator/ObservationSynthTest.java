package dev.holdfast.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.holdfast.protocol.BleSighting;
import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.MotionWindow;
import org.junit.jupiter.api.Test;

/** What simulated collectors record: GPS with the noise asked for, BLE by path loss, motion by pace. */
class ObservationSynthTest {

    /**
     * Three tags at 10 m, 60 m and 200 m north of the centre; the collector stands at the centre for the first 1,800 s,
     * then walks east at 1.3 m/s.
     */
    private static FieldScenario standThenWalk() {
        return new HandMadeScenario(3600).tag(0, 10).tag(0, 60).tag(0, 200)
                .collector(s -> new double[] {s < 1800 ? 0 : (s - 1800) * 1.3, 0})
                .build();
    }

    private static ObservationSynth synth(FieldScenario s, double gpsSigma, double rssiSigma, long seed) {
        List<double[]> at = new ArrayList<>();
        for (int t = 0; t < s.tags().size(); t++) {
            at.add(s.tagPosition(t, 0));
        }
        return new ObservationSynth(s, VirtualTag.generate(s.tags().size(), new Random(1), at),
                PathLoss.withSigma(rssiSigma), gpsSigma, seed);
    }

    @Test
    void gpsErrorHasTheSigmaAskedForAndFixesComeEverySecondWhileWalkingAndEveryFiveToTenWhileStill() {
        FieldScenario s = standThenWalk();
        CollectorTrack track = s.collectors().get(0);
        ObservationChunk chunk = synth(s, 6, 4, 1).chunk(0, 0, 3600);
        double sumSquares = 0;
        long lastStill = -1;
        int walkingFixes = 0;
        for (GpsFix fix : chunk.gps()) {
            double second = s.second(fix.t());
            double e = HandMadeScenario.GEO.east(fix.lon()) - track.east(second);
            double n = HandMadeScenario.GEO.north(fix.lat()) - track.north(second);
            sumSquares += e * e + n * n;
            assertThat(fix.acc()).as("reported accuracy near the sigma").isBetween(4.8f, 7.2f);
            if (second < 1800) {
                if (lastStill >= 0) {
                    assertThat(fix.t() - lastStill).as("ms between fixes standing").isBetween(4800L, 10200L);
                }
                lastStill = fix.t();
                assertThat(fix.speed()).isZero();
            } else {
                walkingFixes++;
                assertThat(fix.speed()).isCloseTo(1.3f, within(1f));
            }
        }
        assertThat(walkingFixes).as("one fix per second walking").isEqualTo(1800);
        double sigmaPerAxis = Math.sqrt(sumSquares / chunk.gps().size() / 2);
        assertThat(sigmaPerAxis).isCloseTo(6, within(0.3));
    }

    @Test
    void tagsAreHeardEveryOneToTwoSecondsWithTheRssiOfThePathLossModel() {
        FieldScenario s = standThenWalk();
        ObservationChunk chunk = synth(s, 4.5, 4, 2).chunk(0, 0, 1800);
        VirtualTag near = VirtualTag.generate(3, new Random(1), List.of(new double[2], new double[2], new double[2]))
                .get(0);
        List<BleSighting> fromNear = new ArrayList<>();
        int fromSixty = 0;
        for (BleSighting b : chunk.ble()) {
            assertThat(b.rssi()).isGreaterThan(-95);
            if (java.util.Arrays.equals(b.adv(), near.adv())) {
                fromNear.add(b);
            } else {
                fromSixty++;
            }
        }
        // 10 m: mean -59 - 25 = -84 dBm; at least -95 is 2.75 sigma below, so nearly every advertisement is heard
        double mean = fromNear.stream().mapToInt(BleSighting::rssi).average().orElseThrow();
        assertThat(mean).isCloseTo(PathLoss.withSigma(4).meanRssi(near.powerAt1m(), 10), within(0.5));
        assertThat(fromNear.size()).as("one advertisement every 1-2 s for 1,800 s").isBetween(1150, 1250);
        for (int i = 1; i < fromNear.size(); i++) {
            assertThat(fromNear.get(i).t() - fromNear.get(i - 1).t()).isBetween(1000L, 4100L);
        }
        // 60 m: mean -103.5 dBm, heard when 2.1 sigma above it (about 2 %); 200 m: never
        assertThat(fromSixty).isBetween(5, 50);
        assertThat(chunk.heard().stream().toArray()).containsExactly(0, 1);
    }

    @Test
    void motionWindowsEveryTenSecondsFollowThePace() {
        FieldScenario s = standThenWalk();
        ObservationChunk chunk = synth(s, 4.5, 4, 3).chunk(0, 0, 3600);
        assertThat(chunk.motion()).hasSize(360);
        double walking = 0;
        for (MotionWindow w : chunk.motion()) {
            assertThat(w.dur()).isEqualTo(10_000);
            assertThat((w.t() - HandMadeScenario.START) % 10_000).isZero();
            if (w.t() < HandMadeScenario.START + 1_790_000) {
                assertThat(w.rms()).as("lying still").isLessThan(0.15f);
            } else if (w.t() >= HandMadeScenario.START + 1_800_000) {
                assertThat(w.rms()).as("walking").isBetween(1f, 3f);
                walking += w.rms();
            }
        }
        assertThat(walking / 180).as("mean walking").isBetween(1.5, 3.0);
    }

    @Test
    void aStretchIsTheSameWhateverWasMadeBefore() {
        FieldScenario s = standThenWalk();
        ObservationSynth synth = synth(s, 4.5, 4, 9);
        ObservationChunk first = synth.chunk(0, 900, 1800);
        synth.chunk(0, 0, 900);
        assertThat(synth.chunk(0, 900, 1800)).isEqualTo(first);
        assertThat(synth(s, 4.5, 4, 10).chunk(0, 900, 1800).gps()).isNotEqualTo(first.gps());
    }

    @Test
    void aLargeStretchIsSplitInTimeIntoBatchesTheServerAccepts() {
        FieldScenario s = standThenWalk();
        ObservationChunk chunk = synth(s, 4.5, 4, 4).chunk(0, 0, 3600);
        List<ObservationChunk> pieces = chunk.split(1000);
        assertThat(pieces.size()).isGreaterThan(1);
        int total = 0;
        long previousEnd = chunk.fromMillis();
        for (ObservationChunk p : pieces) {
            assertThat(p.size()).isLessThanOrEqualTo(1000);
            assertThat(p.fromMillis()).isEqualTo(previousEnd);
            previousEnd = p.toMillis();
            p.gps().forEach(f -> assertThat(f.t()).isBetween(p.fromMillis(), p.toMillis() - 1));
            p.ble().forEach(b -> assertThat(b.t()).isBetween(p.fromMillis(), p.toMillis() - 1));
            total += p.size();
        }
        assertThat(previousEnd).isEqualTo(chunk.toMillis());
        assertThat(total).isEqualTo(chunk.size());
        assertThat(chunk.split(chunk.size())).containsExactly(chunk);
    }
}
