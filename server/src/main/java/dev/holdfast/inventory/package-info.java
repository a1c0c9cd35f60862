/**
 * Assets and everything around them: categories, manufacturers and models, locations, status labels, people and
 * departments, BLE tags, history.
 */
@NullMarked
@ApplicationModule(displayName = "Inventory")
package dev.holdfast.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
