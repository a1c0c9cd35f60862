@NullMarked
package dev.holdfast.accounts.web;

import org.jspecify.annotations.NullMarked;
