@NullMarked
package dev.holdfast.fleet.web;

import org.jspecify.annotations.NullMarked;
