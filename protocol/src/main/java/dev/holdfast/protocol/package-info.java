/** Collector/server wire format and canonical tag ids. Plain Java: no Spring, nothing Android lacks. */
@NullMarked
package dev.holdfast.protocol;

import org.jspecify.annotations.NullMarked;
