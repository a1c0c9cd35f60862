@NullMarked
package dev.holdfast.inventory.domain;

import org.jspecify.annotations.NullMarked;
