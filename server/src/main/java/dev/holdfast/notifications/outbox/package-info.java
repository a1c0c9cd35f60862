/** The outbox's table, its SMTP worker and the operator's pages. Internal to the notifications module. */
@NullMarked
package dev.holdfast.notifications.outbox;

import org.jspecify.annotations.NullMarked;
