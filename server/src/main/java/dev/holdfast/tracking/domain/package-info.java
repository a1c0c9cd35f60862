@NullMarked
package dev.holdfast.tracking.domain;

import org.jspecify.annotations.NullMarked;
