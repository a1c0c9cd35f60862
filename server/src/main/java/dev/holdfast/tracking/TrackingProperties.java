package dev.holdfast.tracking;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The correlation of field data into asset positions.
 *
 * @param workers                correlation threads on this node (every node runs its own; they share the queue)
 * @param batchesPerTransaction  batches claimed and correlated in one transaction: an asset seen in many of them costs
 *                               one position update and one visit update per transaction (50: 64-128 batches/s of
 *                               reference batches, 200: 315, see bench/README.md)
 * @param pollInterval           how long an idle worker waits before looking at the queue again
 * @param pathLossExponent       the log-distance model's exponent for distances from RSSI (2 = free space)
 * @param visitDebounce          a visit ends when the asset has not been seen at the Location for this long
 * @param mapTileUrl             tile URL template for the maps ({z}/{x}/{y}); blank = maps without tiles
 */
@Validated
@ConfigurationProperties("holdfast.tracking")
public record TrackingProperties(
        @Min(0) @Max(16) @DefaultValue("1") int workers,
        @Min(1) @Max(2000) @DefaultValue("500") int batchesPerTransaction,
        @DefaultValue("PT1S") Duration pollInterval,
        @DecimalMin("1.0") @DecimalMax("6.0") @DefaultValue("2.5") double pathLossExponent,
        @DefaultValue("PT2H") Duration visitDebounce,
        @DefaultValue("") String mapTileUrl) {
}
