@NullMarked
package dev.holdfast.platform.web;

import org.jspecify.annotations.NullMarked;
