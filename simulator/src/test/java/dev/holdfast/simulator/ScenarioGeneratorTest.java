package dev.holdfast.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The ground truth of accuracy runs: where sites and tags are, how collectors walk, what a handling is. */
class ScenarioGeneratorTest {

    private static FieldScenario scenario(long seed) {
        return ScenarioGenerator.generate(new ScenarioGenerator.Settings(HandMadeScenario.GEO, 30, 5, 3 * 3600, seed),
                HandMadeScenario.START);
    }

    @Test
    void theSameSeedGivesTheSameScenario() {
        FieldScenario a = scenario(7);
        FieldScenario b = scenario(7);
        assertThat(b.sites()).isEqualTo(a.sites());
        assertThat(b.handlings()).isEqualTo(a.handlings());
        for (int s = 0; s <= a.seconds(); s += 997) {
            assertThat(b.collectors().get(3).east(s)).isEqualTo(a.collectors().get(3).east(s));
            assertThat(b.tagPosition(11, s)).containsExactly(a.tagPosition(11, s));
        }
        assertThat(scenario(8).handlings()).isNotEqualTo(a.handlings());
    }

    @Test
    void mostTagsLieInsideAFewLocationsAFewHundredMetresApart() {
        for (long seed = 1; seed <= 5; seed++) {
            FieldScenario s = scenario(seed);
            assertThat(s.sites()).hasSize(5);
            for (Site site : s.sites()) {
                assertThat(site.radiusM()).isBetween(25.0, 40.0);
                assertThat(Math.hypot(site.east(), site.north())).as("around the centre").isLessThan(500);
                for (Site other : s.sites()) {
                    if (other != site) {
                        assertThat(site.distanceTo(other.east(), other.north())).isGreaterThanOrEqualTo(150);
                    }
                }
            }
            int inside = 0;
            for (int t = 0; t < s.tags().size(); t++) {
                double[] p = s.tagPosition(t, 0);
                if (s.siteAt(p[0], p[1]) >= 0) {
                    inside++;
                } else {
                    assertThat(CarryRoutes.outsideAll(s.sites(), p)).as("clear of every site").isTrue();
                }
            }
            assertThat(inside).isEqualTo(24);
        }
    }

    @Test
    void aHandlingIsACarryOfThirtyToThreeHundredSecondsWithinAMetreOfTheCollector() {
        int betweenSites = 0;
        int handlings = 0;
        for (long seed = 1; seed <= 5; seed++) {
            FieldScenario s = scenario(seed);
            handlings += s.handlings().size();
            for (TrueHandling h : s.handlings()) {
                assertThat(h.end() - h.start()).as("carried seconds").isBetween(30, 300);
                CollectorTrack carrier = s.collectors().get(h.collector());
                for (int t = h.start(); t <= h.end(); t++) {
                    double[] p = s.tagPosition(h.tag(), t);
                    assertThat(carrier.distanceTo(t, p[0], p[1])).as("carried").isLessThanOrEqualTo(1.0);
                }
                assertThat(s.tagPosition(h.tag(), h.start()))
                        .containsExactly(new double[] {h.fromEast(), h.fromNorth()}, within(1e-9));
                assertThat(s.tagPosition(h.tag(), h.end()))
                        .containsExactly(new double[] {h.toEast(), h.toNorth()}, within(1e-9));
                double walked = 0;
                for (int t = h.start(); t < h.end(); t++) {
                    walked += carrier.speed(t);
                }
                assertThat(walked / (h.end() - h.start())).as("carried while walking").isGreaterThan(1.0);
                int from = s.siteAt(h.fromEast(), h.fromNorth());
                int to = s.siteAt(h.toEast(), h.toNorth());
                if (from >= 0 && to >= 0 && from != to) {
                    betweenSites++;
                }
            }
            for (int tag = 0; tag < s.tags().size(); tag++) {
                List<TrueHandling> own = new ArrayList<>();
                for (TrueHandling h : s.handlings()) {
                    if (h.tag() == tag) {
                        own.add(h);
                    }
                }
                for (int i = 1; i < own.size(); i++) {
                    assertThat(own.get(i).start()).as("one handling at a time").isGreaterThan(own.get(i - 1).end());
                    double[] restedAt = s.tagPosition(tag, own.get(i).start() - 1);
                    assertThat(restedAt).as("lies still between handlings")
                            .containsExactly(new double[] {own.get(i - 1).toEast(), own.get(i - 1).toNorth()},
                                    within(1e-9));
                }
            }
        }
        assertThat(handlings).as("handlings in 5 × 3 h").isGreaterThan(50);
        assertThat(betweenSites).as("assets moved from one location to another").isGreaterThan(10);
    }

    @Test
    void collectorsWalkAtAPersonsPaceAndSometimesStandByATag() {
        FieldScenario s = scenario(3);
        int standsByATag = 0;
        for (CollectorTrack c : s.collectors()) {
            int still = 0;
            int moving = 0;
            for (int t = 0; t < s.seconds(); t++) {
                assertThat(c.speed(t)).as("metres in one second").isLessThanOrEqualTo(1.6 + 1e-9);
                if (c.moving(t)) {
                    moving++;
                    still = 0;
                } else if (++still == 60) {
                    double nearest = Double.MAX_VALUE;
                    for (int tag = 0; tag < s.tags().size(); tag++) {
                        double[] p = s.tagPosition(tag, t);
                        nearest = Math.min(nearest, c.distanceTo(t, p[0], p[1]));
                    }
                    standsByATag += nearest <= 5 ? 1 : 0;
                }
            }
            assertThat(moving).as("walks most of the time").isGreaterThan(s.seconds() / 2);
        }
        assertThat(standsByATag).as("stands still a minute or more within 5 m of a tag").isGreaterThan(10);
    }

    @Test
    void carryRoutesTakeThirtyFiveToTwoHundredEightySeconds() {
        Random random = new Random(4);
        List<Site> sites = ScenarioGenerator.sites(5, 366, random);
        int inside = 0;
        int outside = 0;
        for (int i = 0; i < 2000; i++) {
            Site home = sites.get(random.nextInt(sites.size()));
            double[] from = random.nextBoolean() ? CarryRoutes.inside(home, random) : Walker.randomPoint(random, 366);
            double speed = 1.2 + random.nextDouble() * 0.2;
            List<double[]> route = CarryRoutes.choose(sites, 416, from, speed, random);
            if (route == null) {
                continue;
            }
            double seconds = CarryRoutes.length(from, route) / speed;
            assertThat(seconds).isBetween(CarryRoutes.MIN_SECONDS, CarryRoutes.MAX_SECONDS);
            double[] to = route.get(route.size() - 1);
            int homeSite = FieldScenario.siteAt(sites, from[0], from[1]);
            int toSite = FieldScenario.siteAt(sites, to[0], to[1]);
            if (toSite >= 0) {
                Site s = sites.get(toSite);
                assertThat(s.distanceTo(to[0], to[1])).as("a metre's margin inside")
                        .isLessThanOrEqualTo(s.radiusM() - 1);
                if (toSite == homeSite) {
                    inside++;
                    for (double[] p : route) {
                        assertThat(s.contains(p[0], p[1])).as("a route around the site stays in it").isTrue();
                    }
                }
            } else {
                outside++;
                assertThat(CarryRoutes.outsideAll(sites, to)).isTrue();
            }
        }
        assertThat(inside).isPositive();
        assertThat(outside).isPositive();
    }
}
