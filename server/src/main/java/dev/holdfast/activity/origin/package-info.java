/** Where a call came from (the current HTTP request, if any); shared by the audit trail and the usage logs. */
@NullMarked
package dev.holdfast.activity.origin;

import org.jspecify.annotations.NullMarked;
