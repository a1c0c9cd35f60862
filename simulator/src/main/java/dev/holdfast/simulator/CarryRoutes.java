package dev.holdfast.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * Where a collector carries a tag it picked up: to another site it can walk to within the carrying time, around the
 * tag's own site (every waypoint inside it, so the tag never leaves it), or out to a spot outside every site. The
 * route takes {@link #MIN_SECONDS} to {@link #MAX_SECONDS} at the walking speed given; waypoints keep a margin from
 * the site borders larger than the metre a carried tag may be off the collector.
 */
final class CarryRoutes {

    static final double MIN_SECONDS = 35;
    static final double MAX_SECONDS = 280;
    /** Waypoints inside a site lie within this share of its radius. */
    static final double INNER = 0.7;
    /** Spots outside keep this far from every site's border. */
    static final double OUTSIDE_MARGIN_M = 5;

    private CarryRoutes() {
    }

    /** The waypoints after {@code from}, or null when no route fits. */
    static @Nullable List<double[]> choose(List<Site> sites, double areaRadius, double[] from, double speed,
            Random random) {
        double min = speed * MIN_SECONDS;
        double max = speed * MAX_SECONDS;
        int home = FieldScenario.siteAt(sites, from[0], from[1]);
        List<Site> reachable = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            double d = s.distanceTo(from[0], from[1]);
            if (i != home && d + s.radiusM() * INNER <= max && d - s.radiusM() * INNER >= min) {
                reachable.add(s);
            }
        }
        double r = random.nextDouble();
        if (!reachable.isEmpty() && r < (home >= 0 ? 0.5 : 0.75)) {
            return List.of(inside(reachable.get(random.nextInt(reachable.size())), random));
        }
        if (home >= 0 && r < 0.85) {
            return loop(sites.get(home), from, min, random);
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            double d = min + random.nextDouble() * (Math.min(max, 250) - min);
            double a = random.nextDouble() * 2 * Math.PI;
            double[] p = {from[0] + d * Math.cos(a), from[1] + d * Math.sin(a)};
            if (Math.hypot(p[0], p[1]) <= areaRadius && outsideAll(sites, p)) {
                return List.of(p);
            }
        }
        return home >= 0 ? loop(sites.get(home), from, min, random) : null;
    }

    /** Waypoints inside the site until the route is at least {@code min} metres long. */
    static List<double[]> loop(Site site, double[] from, double min, Random random) {
        List<double[]> route = new ArrayList<>();
        double length = 0;
        double[] last = from;
        while (length < min) {
            double[] p = inside(site, random);
            length += Math.hypot(p[0] - last[0], p[1] - last[1]);
            route.add(p);
            last = p;
        }
        return route;
    }

    static double length(double[] from, List<double[]> route) {
        double length = 0;
        double[] last = from;
        for (double[] p : route) {
            length += Math.hypot(p[0] - last[0], p[1] - last[1]);
            last = p;
        }
        return length;
    }

    static double[] inside(Site site, Random random) {
        double[] p = Walker.randomPoint(random, site.radiusM() * INNER);
        return new double[] {site.east() + p[0], site.north() + p[1]};
    }

    static boolean outsideAll(List<Site> sites, double[] p) {
        for (Site s : sites) {
            if (s.distanceTo(p[0], p[1]) <= s.radiusM() + OUTSIDE_MARGIN_M) {
                return false;
            }
        }
        return true;
    }
}
