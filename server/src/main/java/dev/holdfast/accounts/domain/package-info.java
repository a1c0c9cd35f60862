@NullMarked
package dev.holdfast.accounts.domain;

import org.jspecify.annotations.NullMarked;
