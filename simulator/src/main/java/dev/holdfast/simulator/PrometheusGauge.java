package dev.holdfast.simulator;

import java.util.OptionalDouble;

/**
 * Reads a gauge from Prometheus text exposition ({@code /actuator/prometheus}): the sum over all its series
 * ({@code name 3.0}, {@code name{application="holdfast"} 3.0}), or empty when no series of that name is there.
 */
final class PrometheusGauge {

    private PrometheusGauge() {
    }

    static OptionalDouble read(String exposition, String name) {
        double sum = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || !l.startsWith(name)) {
                continue;
            }
            String rest = l.substring(name.length());
            if (rest.startsWith("{")) {
                int close = rest.lastIndexOf('}');
                if (close < 0) {
                    continue;
                }
                rest = rest.substring(close + 1);
            } else if (!rest.startsWith(" ") && !rest.startsWith("\t")) {
                continue; // another metric whose name starts with this one
            }
            String[] parts = rest.strip().split("\\s+");
            try {
                double value = Double.parseDouble(parts[0]);
                if (!Double.isNaN(value)) {
                    sum += value;
                    found = true;
                }
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}
