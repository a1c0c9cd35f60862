@NullMarked
package dev.holdfast.fleet.security;

import org.jspecify.annotations.NullMarked;
