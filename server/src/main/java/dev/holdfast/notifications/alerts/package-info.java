/** Alert evaluation, settings, in-app notifications, alert e-mails and the cluster-wide alert job. */
@NullMarked
package dev.holdfast.notifications.alerts;

import org.jspecify.annotations.NullMarked;
