package dev.holdfast.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.holdfast.protocol.GpsFix;
import org.junit.jupiter.api.Test;

/** Paths stay inside the area, speeds are those of people and vans, GPS noise matches the accuracy it reports. */
class MovementTest {

    @Test
    void pathsStayWithinTheAreaAtPlausibleSpeeds() {
        double radius = 2000;
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            List<double[]> sites = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sites.add(Walker.randomPoint(random, radius * 0.9));
            }
            Walker walker = new Walker(random, sites, radius);
            double lastE = walker.east();
            double lastN = walker.north();
            int walking = 0;
            int driving = 0;
            int still = 0;
            for (int second = 0; second < 8 * 3600; second++) {
                walker.step(1);
                double e = walker.east();
                double n = walker.north();
                assertThat(Math.hypot(e, n)).as("inside the area").isLessThanOrEqualTo(radius + 1e-6);
                double moved = Math.hypot(e - lastE, n - lastN);
                assertThat(moved).as("metres in one second").isLessThanOrEqualTo(Walker.MAX_DRIVE + 1e-6);
                double speed = walker.speed();
                assertThat(speed).isBetween(0.0, Walker.MAX_DRIVE);
                if (speed == 0) {
                    still++;
                } else if (speed <= Walker.MAX_WALK) {
                    walking++;
                    assertThat(moved).as("a walker's second").isLessThanOrEqualTo(Walker.MAX_WALK + 1e-6);
                } else {
                    driving++;
                    assertThat(speed).as("driving in town").isGreaterThanOrEqualTo(5);
                }
                lastE = e;
                lastN = n;
            }
            assertThat(walking).as("walks some of the time").isPositive();
            assertThat(driving).as("drives between distant sites").isPositive();
            assertThat(still).as("stays at sites").isGreaterThan(3600 / 2);
        }
    }

    @Test
    void gpsErrorMatchesTheReportedAccuracyAndSomeFixesGoMissing() {
        Random random = new Random(3);
        Geo geo = new Geo(48.1374, 11.5755);
        Gps gps = new Gps(random, geo, 0.05);
        int missing = 0;
        int within = 0;
        int fixes = 0;
        for (int i = 0; i < 20_000; i++) {
            long t = 1_763_892_000_000L + i * 10_000L;
            GpsFix fix = gps.fix(t, 100, -200, 1.3, 90);
            if (fix == null) {
                missing++;
                continue;
            }
            fixes++;
            assertThat(fix.acc()).isBetween(3f, 60f);
            assertThat(fix.speed()).isNotNull();
            assertThat(fix.bearing()).isNotNull();
            double error = Math.hypot(geo.east(fix.lon()) - 100, geo.north(fix.lat()) + 200);
            if (error <= fix.acc()) {
                within++;
            }
        }
        assertThat(missing / 20_000.0).as("missing fixes, outages included").isBetween(0.04, 0.25);
        assertThat(within / (double) fixes).as("errors within the 68 % accuracy radius").isBetween(0.62, 0.74);
    }

    @Test
    void motionFollowsSpeed() {
        Random random = new Random(1);
        double still = 0;
        double walking = 0;
        double driving = 0;
        for (int i = 0; i < 1000; i++) {
            still += Motion.rms(0, random);
            walking += Motion.rms(1.4, random);
            driving += Motion.rms(11, random);
        }
        assertThat(still / 1000).isLessThan(0.1);
        assertThat(walking / 1000).isBetween(1.5, 2.5);
        assertThat(driving / 1000).isBetween(0.3, 0.6);
    }
}
