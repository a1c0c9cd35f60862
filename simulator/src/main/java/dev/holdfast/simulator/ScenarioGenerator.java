package dev.holdfast.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds the ground truth of an accuracy run: a few sites (geofences of 25–40 m radius, at least
 * {@link #MIN_SEPARATION_M} apart within a few hundred metres of the centre), the tags — four in five inside a site,
 * the rest outside every site, beside the way between two sites — and the collectors walking among them second by
 * second ({@link FieldWorker}), picking tags up and putting them down elsewhere. The same settings and seed give the
 * same scenario.
 */
final class ScenarioGenerator {

    static final double MIN_SEPARATION_M = 180;
    /** Every fifth tag lies outside the sites. */
    static final int OUTSIDE_EVERY = 5;

    record Settings(Geo geo, int tags, int collectors, int seconds, long seed) {
        Settings {
            if (tags < 1 || collectors < 1 || seconds < 60) {
                throw new IllegalArgumentException("a scenario needs a tag, a collector and a minute");
            }
        }
    }

    private ScenarioGenerator() {
    }

    static FieldScenario generate(Settings settings, long startMillis) {
        Random random = new Random(settings.seed());
        int siteCount = Math.max(3, Math.min(6, (int) Math.round(settings.tags() / 6.0)));
        double areaRadius = 120 + 110 * Math.sqrt(siteCount);
        List<Site> sites = sites(siteCount, areaRadius, random);
        List<double[]> positions = tagPositions(settings.tags(), sites, random);
        FieldWorld world = new FieldWorld(sites, areaRadius + 50, settings.seconds(), positions);
        List<FieldWorker> workers = new ArrayList<>();
        for (int i = 0; i < settings.collectors(); i++) {
            workers.add(new FieldWorker(i, new Random(random.nextLong()), world));
        }
        int n = settings.seconds();
        double[][] east = new double[workers.size()][n + 1];
        double[][] north = new double[workers.size()][n + 1];
        for (int w = 0; w < workers.size(); w++) {
            east[w][0] = workers.get(w).east();
            north[w][0] = workers.get(w).north();
        }
        for (int s = 0; s < n; s++) {
            for (int w = 0; w < workers.size(); w++) {
                FieldWorker worker = workers.get(w);
                worker.step(s);
                east[w][s + 1] = worker.east();
                north[w][s + 1] = worker.north();
            }
        }
        for (int t = 0; t < world.tags(); t++) {
            if (world.carried(t)) { // not expected (handlings are planned to end a minute early), but possible
                TagTimeline.Carried c = (TagTimeline.Carried) world.timelines().get(t).at(n);
                world.putDown(t, n, east[c.collector()][n], north[c.collector()][n]);
            }
        }
        List<CollectorTrack> tracks = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            tracks.add(new CollectorTrack(east[w], north[w]));
        }
        return new FieldScenario(settings.geo(), startMillis, n, sites, world.timelines(), tracks, world.handlings());
    }

    static List<Site> sites(int count, double areaRadius, Random random) {
        double separation = MIN_SEPARATION_M;
        while (true) {
            List<Site> sites = new ArrayList<>();
            for (int attempt = 0; attempt < 5000 && sites.size() < count; attempt++) {
                double[] p = Walker.randomPoint(random, areaRadius - 40);
                boolean free = true;
                for (Site s : sites) {
                    free &= s.distanceTo(p[0], p[1]) >= separation;
                }
                if (free) {
                    sites.add(new Site("Site " + (char) ('A' + sites.size()), p[0], p[1],
                            Math.round(25 + random.nextDouble() * 15)));
                }
            }
            if (sites.size() == count) {
                return sites;
            }
            separation *= 0.9;
        }
    }

    static List<double[]> tagPositions(int count, List<Site> sites, Random random) {
        List<double[]> positions = new ArrayList<>();
        int inside = 0;
        for (int i = 0; i < count; i++) {
            if (i % OUTSIDE_EVERY == OUTSIDE_EVERY - 1) {
                positions.add(besideAWay(sites, random));
            } else {
                Site site = sites.get(inside++ % sites.size());
                double[] p = Walker.randomPoint(random, site.radiusM() * 0.8);
                positions.add(new double[] {site.east() + p[0], site.north() + p[1]});
            }
        }
        return positions;
    }

    /** A point 4–12 m beside the straight way between two sites, outside every site. */
    private static double[] besideAWay(List<Site> sites, Random random) {
        while (true) {
            Site a = sites.get(random.nextInt(sites.size()));
            Site b = sites.get(random.nextInt(sites.size()));
            if (a == b) {
                continue;
            }
            double f = 0.2 + random.nextDouble() * 0.6;
            double dx = b.east() - a.east();
            double dy = b.north() - a.north();
            double length = Math.hypot(dx, dy);
            double side = (4 + random.nextDouble() * 8) * (random.nextBoolean() ? 1 : -1);
            double[] p = {a.east() + f * dx - dy / length * side, a.north() + f * dy + dx / length * side};
            if (CarryRoutes.outsideAll(sites, p)) {
                return p;
            }
        }
    }
}
