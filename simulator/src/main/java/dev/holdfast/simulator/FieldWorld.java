package dev.holdfast.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The state the simulated collectors share while the scenario is generated: where each tag lies, which are carried
 * or promised to a collector that is on its way to pick them up, and the ground truth written so far (the tags'
 * timelines and the finished handlings).
 */
final class FieldWorld {

    final List<Site> sites;
    final double areaRadius;
    final int seconds;
    private final double[] east;
    private final double[] north;
    private final int[] carrier;
    private final int[] pickedUpAt;
    private final double[][] carryOffset;
    private final boolean[] reserved;
    private final List<TagTimeline> timelines = new ArrayList<>();
    private final List<TrueHandling> handlings = new ArrayList<>();

    FieldWorld(List<Site> sites, double areaRadius, int seconds, List<double[]> tagPositions) {
        this.sites = List.copyOf(sites);
        this.areaRadius = areaRadius;
        this.seconds = seconds;
        int n = tagPositions.size();
        east = new double[n];
        north = new double[n];
        carrier = new int[n];
        pickedUpAt = new int[n];
        carryOffset = new double[n][];
        reserved = new boolean[n];
        Arrays.fill(carrier, -1);
        for (int i = 0; i < n; i++) {
            east[i] = tagPositions.get(i)[0];
            north[i] = tagPositions.get(i)[1];
            timelines.add(new TagTimeline(east[i], north[i]));
        }
    }

    int tags() {
        return east.length;
    }

    /** Lying where it is, and no collector on its way to pick it up. */
    boolean available(int tag) {
        return carrier[tag] < 0 && !reserved[tag];
    }

    boolean carried(int tag) {
        return carrier[tag] >= 0;
    }

    void reserve(int tag) {
        reserved[tag] = true;
    }

    /** Where the tag lies (where it was picked up, while carried). */
    double[] restPosition(int tag) {
        return new double[] {east[tag], north[tag]};
    }

    /** The collector, at ({@code e}, {@code n}) at {@code second}, takes the tag; it moves with the collector from now. */
    void pickUp(int tag, int collector, int second, double e, double n) {
        if (carrier[tag] >= 0) {
            throw new IllegalStateException("tag " + tag + " is already carried");
        }
        carrier[tag] = collector;
        pickedUpAt[tag] = second;
        carryOffset[tag] = new double[] {east[tag] - e, north[tag] - n};
        timelines.get(tag).add(new TagTimeline.Carried(second, collector, carryOffset[tag][0], carryOffset[tag][1]));
    }

    /** The collector, at ({@code e}, {@code n}) at {@code second}, puts the tag down. */
    void putDown(int tag, int second, double e, double n) {
        int collector = carrier[tag];
        if (collector < 0) {
            throw new IllegalStateException("tag " + tag + " is not carried");
        }
        double toE = e + carryOffset[tag][0];
        double toN = n + carryOffset[tag][1];
        handlings.add(new TrueHandling(tag, collector, pickedUpAt[tag], second, east[tag], north[tag], toE, toN));
        east[tag] = toE;
        north[tag] = toN;
        carrier[tag] = -1;
        reserved[tag] = false;
        timelines.get(tag).add(new TagTimeline.Rest(second, toE, toN));
    }

    List<TagTimeline> timelines() {
        return timelines;
    }

    List<TrueHandling> handlings() {
        return handlings;
    }
}
