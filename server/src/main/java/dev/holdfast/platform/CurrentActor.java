package dev.holdfast.platform;

import org.jspecify.annotations.Nullable;

/**
 * The actor of the current thread, set by the accounts module for every authenticated request (and by
 * jobs for their work). Also stored as a request attribute, {@link #REQUEST_ATTRIBUTE}, so filters that
 * run after the security chain (request logging) can still read it.
 */
public final class CurrentActor {

    public static final String REQUEST_ATTRIBUTE = CurrentActor.class.getName();

    private static final ThreadLocal<@Nullable Actor> CURRENT = new ThreadLocal<>();

    private CurrentActor() {
    }

    /** The current actor, or {@link Actor#ANONYMOUS}. */
    public static Actor get() {
        Actor actor = CURRENT.get();
        return actor != null ? actor : Actor.ANONYMOUS;
    }

    public static TenantContext.Scope enter(Actor actor) {
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }
}
