package dev.holdfast.simulator;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The visits of the ground truth, from where each tag was at every second: a visit is a stretch of seconds in one
 * site. A stretch that lies wholly inside one handling (the tag carried through a site on its way elsewhere) is a
 * transit, not a visit. A visit is observable when some collector came within {@link #OBSERVABLE_WITHIN_M} of the tag
 * during it — the server can only know what collectors saw.
 */
final class TrueVisits {

    static final double OBSERVABLE_WITHIN_M = 15;

    private TrueVisits() {
    }

    static List<TrueVisit> of(FieldScenario scenario) {
        List<TrueVisit> visits = new ArrayList<>();
        for (int tag = 0; tag < scenario.tags().size(); tag++) {
            visits.addAll(of(scenario, tag));
        }
        return visits;
    }

    static List<TrueVisit> of(FieldScenario scenario, int tag) {
        int n = scenario.seconds();
        int[] site = new int[n + 1];
        boolean[] near = new boolean[n + 1];
        for (int s = 0; s <= n; s++) {
            double[] p = scenario.tagPosition(tag, s);
            site[s] = scenario.siteAt(p[0], p[1]);
            near[s] = scenario.nearestCollector(tag, s) <= OBSERVABLE_WITHIN_M;
        }
        List<TrueVisit> visits = new ArrayList<>();
        int start = 0;
        for (int s = 1; s <= n + 1; s++) {
            if (s <= n && site[s] == site[start]) {
                continue;
            }
            if (site[start] >= 0) {
                Integer departure = s <= n ? s : null;
                if (!transit(scenario, tag, start, departure)) {
                    boolean observable = false;
                    for (int k = start; k < s && !observable; k++) {
                        observable = near[k];
                    }
                    visits.add(new TrueVisit(tag, site[start], start, departure, observable));
                }
            }
            start = s;
        }
        return visits;
    }

    private static boolean transit(FieldScenario scenario, int tag, int arrival, @Nullable Integer departure) {
        if (departure == null) {
            return false;
        }
        for (TrueHandling h : scenario.handlings()) {
            if (h.tag() == tag && h.start() < arrival && departure <= h.end()) {
                return true;
            }
        }
        return false;
    }
}
