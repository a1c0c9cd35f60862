@NullMarked
package dev.holdfast.platform.database;

import org.jspecify.annotations.NullMarked;
