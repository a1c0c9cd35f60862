package dev.holdfast.notifications;
import java.util.UUID;
/** Published (ApplicationEventPublisher, inside the changing transaction) after a change that may raise or clear alerts of `kind`. */
public record AlertInputsChanged(UUID tenantId, AlertKind kind) {}
