package dev.holdfast.notifications.alerts;

import java.util.List;

import dev.holdfast.notifications.OpenAlerts;
import dev.holdfast.platform.TenantContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class OpenAlertsQuery implements OpenAlerts {

    private final AlertStore store;
    private final AlertSettingsStore settings;
    private final java.time.Clock clock;

    OpenAlertsQuery(AlertStore store, AlertSettingsStore settings, java.time.Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(clock.instant(), settings.load(TenantContext.require()).timeZone());
    }

    @Override
    public long count() {
        return store.openCount(TenantContext.require());
    }

    @Override
    public List<OpenAlert> newest(int limit) {
        return store.newestOpen(TenantContext.require(), limit).stream()
                .map(a -> new OpenAlert(a.kind(), a.title(), a.message(), a.link(), a.raisedAt())).toList();
    }
}
