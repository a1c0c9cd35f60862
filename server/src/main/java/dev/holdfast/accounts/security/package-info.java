@NullMarked
package dev.holdfast.accounts.security;

import org.jspecify.annotations.NullMarked;
