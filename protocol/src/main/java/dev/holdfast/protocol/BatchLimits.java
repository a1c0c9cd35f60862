package dev.holdfast.protocol;

/**
 * How much one batch may hold. Decoding stops as soon as a limit is passed, without building the rest.
 *
 * @param maxObservations GPS fixes, BLE sightings and motion windows together (default 20,000)
 * @param maxBytes        size of the JSON document as read, i.e. after any gzip inflation (default 8 MiB)
 */
public record BatchLimits(int maxObservations, long maxBytes) {

    public static final BatchLimits DEFAULT = new BatchLimits(20_000, 8L * 1024 * 1024);

    public BatchLimits {
        if (maxObservations < 0 || maxBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The default byte limit with another observation limit. */
    public BatchLimits(int maxObservations) {
        this(maxObservations, DEFAULT.maxBytes);
    }
}
