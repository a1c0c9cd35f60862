@NullMarked
package dev.holdfast.fleet.domain;

import org.jspecify.annotations.NullMarked;
