/**
 * The device-side core of the Holdfast collector: records observations durably, closes a batch every upload interval,
 * uploads it gzipped with retries, keeps the batch id across retries so the server de-duplicates. Plain Java with no
 * Android or {@code java.net.http} imports; the Android app wraps it.
 */
@NullMarked
package dev.holdfast.collector;

import org.jspecify.annotations.NullMarked;
