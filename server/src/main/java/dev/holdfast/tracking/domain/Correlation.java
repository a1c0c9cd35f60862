package dev.holdfast.tracking.domain;

import java.util.List;

/** What one batch tells about assets: a position estimate per pass, and the handlings seen at close range. */
public record Correlation(List<PassEstimate> passes, List<Carry> carries, int sightings, int placed) {

    public Correlation {
        passes = List.copyOf(passes);
        carries = List.copyOf(carries);
    }
}
