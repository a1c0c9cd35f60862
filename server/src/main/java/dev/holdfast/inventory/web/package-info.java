@NullMarked
package dev.holdfast.inventory.web;

import org.jspecify.annotations.NullMarked;
