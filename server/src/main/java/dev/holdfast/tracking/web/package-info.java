@NullMarked
package dev.holdfast.tracking.web;

import org.jspecify.annotations.NullMarked;
