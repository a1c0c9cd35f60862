/**
 * Usage logs: the request log filter and its asynchronous batch writer, login and session records, the day
 * partitions and their retention, the usage pages.
 */
@NullMarked
package dev.holdfast.activity.usage;

import org.jspecify.annotations.NullMarked;
