/** Notification and alert settings pages and APIs, the navbar bell and the operator's "run alerts now". */
@NullMarked
package dev.holdfast.notifications.web;

import org.jspecify.annotations.NullMarked;
