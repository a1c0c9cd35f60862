@NullMarked
package dev.holdfast.tracking.osmand;

import org.jspecify.annotations.NullMarked;
