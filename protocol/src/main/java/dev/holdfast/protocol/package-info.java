/**
 * Collector/server wire format and canonical tag ids. Plain Java: no Spring, nothing Android lacks.
 *
 * <ul>
 *   <li>{@link dev.holdfast.protocol.Batch} and its column-backed observation lists, read and written as the
 *       JSON of API.md by {@link dev.holdfast.protocol.BatchCodec} within {@link dev.holdfast.protocol.BatchLimits};
 *       problems are {@link dev.holdfast.protocol.BatchFormatException}s naming the first bad field.</li>
 *   <li>{@link dev.holdfast.protocol.AdvertisementParser} decodes BLE scan records into
 *       {@link dev.holdfast.protocol.Advertisement}s and their {@link dev.holdfast.protocol.TagId}s;
 *       {@link dev.holdfast.protocol.BleFilter} says which a collector keeps;
 *       {@link dev.holdfast.protocol.Distance} turns RSSI into metres.</li>
 * </ul>
 */
@NullMarked
package dev.holdfast.protocol;

import org.jspecify.annotations.NullMarked;
