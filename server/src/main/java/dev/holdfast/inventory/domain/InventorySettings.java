package dev.holdfast.inventory.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A company's inventory settings: audit interval and the pattern of generated asset tags. */
@Service
public class InventorySettings {

    /** The settings in force. */
    public record Settings(int auditIntervalMonths, String assetTagPattern) {
    }

    static final Settings DEFAULTS = new Settings(12, "HF-{seq:6}");
    private static final Pattern SEQ = Pattern.compile("\\{seq(?::(\\d{1,2}))?}");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    InventorySettings(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Settings current() {
        return jdbc.sql("select audit_interval_months, asset_tag_pattern from inventory_settings where tenant_id = ?")
                .param(TenantContext.require()).query((rs, n) -> new Settings(rs.getInt(1), rs.getString(2))).optional()
                .orElse(DEFAULTS);
    }

    @Transactional
    public Settings update(Map<String, ?> body) {
        Settings before = current();
        int months = before.auditIntervalMonths();
        String pattern = before.assetTagPattern();
        if (body.containsKey("auditIntervalMonths")) {
            if (!(body.get("auditIntervalMonths") instanceof Number n) || n.intValue() < 1 || n.intValue() > 120
                    || n.doubleValue() != n.intValue()) {
                throw ProblemException.invalid("auditIntervalMonths", "must be a whole number of months from 1 to 120");
            }
            months = ((Number) body.get("auditIntervalMonths")).intValue();
        }
        if (body.containsKey("assetTagPattern")) {
            String p = String.valueOf(body.get("assetTagPattern")).strip();
            if (p.isEmpty() || p.length() > 60 || !SEQ.matcher(p).find()) {
                throw ProblemException.invalid("assetTagPattern", "must contain {seq} or {seq:N} and be at most 60 characters");
            }
            pattern = p;
        }
        jdbc.sql("""
                insert into inventory_settings (tenant_id, audit_interval_months, asset_tag_pattern) values (?, ?, ?)
                on conflict (tenant_id) do update set audit_interval_months = excluded.audit_interval_months,
                    asset_tag_pattern = excluded.asset_tag_pattern
                """).params(TenantContext.require(), months, pattern).update();
        Settings after = new Settings(months, pattern);
        UUID tenant = TenantContext.require();
        audit.record("inventory.settings_changed", "company", tenant.toString(),
                Map.of("auditIntervalMonths", before.auditIntervalMonths(), "assetTagPattern", before.assetTagPattern()),
                Map.of("auditIntervalMonths", months, "assetTagPattern", pattern));
        return after;
    }

    /** The tag for counter value {@code seq} under {@code pattern}. */
    static String format(String pattern, long seq) {
        Matcher m = SEQ.matcher(pattern.replace("{yyyy}", String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear())));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int width = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(String.format("%0" + width + "d", seq)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
