/**
 * Users, companies (tenants), memberships and roles, sign-up, invitations, login, sessions, password
 * reset, API tokens, the operator's bootstrap, and the login-side rate limits.
 */
@NullMarked
@ApplicationModule(displayName = "Accounts")
package dev.holdfast.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
