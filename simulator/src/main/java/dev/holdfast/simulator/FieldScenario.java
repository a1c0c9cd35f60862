package dev.holdfast.simulator;

import java.util.List;

/**
 * The ground truth of an accuracy run: the sites, where every tag was and every collector went at each second of the
 * window (second 0 is {@code startMillis}, the last second is the end of the window), and the handlings.
 */
record FieldScenario(Geo geo, long startMillis, int seconds, List<Site> sites, List<TagTimeline> tags,
        List<CollectorTrack> collectors, List<TrueHandling> handlings) {

    FieldScenario {
        sites = List.copyOf(sites);
        tags = List.copyOf(tags);
        collectors = List.copyOf(collectors);
        handlings = List.copyOf(handlings);
    }

    long endMillis() {
        return startMillis + seconds * 1000L;
    }

    long millis(double second) {
        return startMillis + Math.round(second * 1000);
    }

    /** The scenario second of an instant, within the window. */
    double second(long epochMillis) {
        return Math.max(0, Math.min(seconds, (epochMillis - startMillis) / 1000.0));
    }

    /** {east, north} of the tag at {@code second}. */
    double[] tagPosition(int tag, double second) {
        return tags.get(tag).position(second, collectors);
    }

    /** The site containing the point, or -1. */
    int siteAt(double east, double north) {
        return siteAt(sites, east, north);
    }

    static int siteAt(List<Site> sites, double east, double north) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).contains(east, north)) {
                return i;
            }
        }
        return -1;
    }

    /** The distance from the tag to the nearest collector at {@code second}. */
    double nearestCollector(int tag, double second) {
        double[] p = tagPosition(tag, second);
        double best = Double.MAX_VALUE;
        for (CollectorTrack c : collectors) {
            best = Math.min(best, c.distanceTo(second, p[0], p[1]));
        }
        return best;
    }
}
