package dev.holdfast.tracking.domain;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import dev.holdfast.inventory.AssetTagsChanged;
import dev.holdfast.platform.TenantTransactions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The canonical tag ids registered to a company's assets ({@code asset_tags}), held in memory per company for the
 * correlation. A change of an asset's tags on this node takes effect for the next batch (the company's entry is
 * dropped when the change commits); changes made on another node within {@link #REMEMBERED}.
 */
@Component
public class TagRegistry {

    static final Duration REMEMBERED = Duration.ofSeconds(30);

    /** One company's registered tags. */
    public record Registered(Map<String, UUID> owners, boolean hasMacTags) implements TagLookup {

        @Override
        public @Nullable UUID asset(String tagId) {
            return owners.get(tagId);
        }

        /** A lookup that sees only these tags (for re-correlating batches for tags registered late). */
        public TagLookup only(java.util.Collection<String> tags) {
            Map<String, UUID> some = new HashMap<>();
            for (String t : tags) {
                UUID owner = owners.get(t);
                if (owner != null) {
                    some.put(t, owner);
                }
            }
            return new Registered(some, some.keySet().stream().anyMatch(t -> t.startsWith("mac:")));
        }

        /** The iBeacon proximity UUIDs, Eddystone namespaces and addresses of the registered BLE tags. */
        public TreeSet<String> prefixes(String family) {
            TreeSet<String> values = new TreeSet<>();
            for (String t : owners.keySet()) {
                if (t.startsWith(family + ":")) {
                    String rest = t.substring(family.length() + 1);
                    int colon = family.equals("mac") ? -1 : rest.indexOf(':');
                    values.add(colon < 0 ? rest : rest.substring(0, colon));
                }
            }
            return values;
        }
    }

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final Cache<UUID, Registered> companies = Caffeine.newBuilder().expireAfterWrite(REMEMBERED)
            .maximumSize(10_000).build();

    TagRegistry(JdbcClient jdbc, TenantTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The company's registered tags. */
    public Registered of(UUID tenant) {
        return companies.get(tenant, this::load);
    }

    private Registered load(UUID tenant) {
        Map<String, UUID> owners = new HashMap<>();
        boolean[] macs = {false};
        transactions.inTenant(tenant, () -> jdbc.sql("select tag_id, asset_id from asset_tags where tenant_id = ?")
                .param(tenant).query(rs -> {
                    String tag = rs.getString(1);
                    owners.put(tag, rs.getObject(2, UUID.class));
                    macs[0] |= tag.startsWith("mac:");
                }));
        return new Registered(owners, macs[0]);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AssetTagsChanged event) {
        companies.invalidate(event.tenantId());
    }
}
