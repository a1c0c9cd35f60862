package dev.holdfast.accounts.domain;

import java.util.UUID;

/** Ends server-side sessions; implemented over Spring Session by the security package. */
public interface SessionRevoker {

    /** Ends every session of the user; returns how many. */
    int revokeAll(UUID userId, String reason);
}
