/**
 * Shared kernel: tenant context and its row-level-security binding, the embedded PostgreSQL launcher,
 * problem details, request ids, the web shell.
 */
@NullMarked
@ApplicationModule(displayName = "Platform")
package dev.holdfast.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
