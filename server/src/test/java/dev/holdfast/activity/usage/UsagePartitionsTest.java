package dev.holdfast.activity.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.holdfast.platform.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Day partitions: created ahead at start-up, with row-level security each; dropped — rows and all — past retention. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UsagePartitionsTest {

    @Autowired
    UsagePartitions partitions;
    @Autowired
    UsageProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void todayAndTheNextWeekExistAfterStartUpEachWithRowLevelSecurity() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String table : UsagePartitions.TABLES) {
            List<String> existing = partitions.partitions(table);
            for (int ahead = 0; ahead <= 7; ahead++) {
                assertThat(existing).contains(UsagePartitions.partitionName(table, today.plusDays(ahead)));
            }
        }
        List<String> unprotected = jdbc.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent IN ('usage_requests'::regclass, 'usage_logins'::regclass, 'usage_sessions'::regclass)
                  AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity
                       OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation')
                       OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'installation_read'))
                """).query(String.class).list();
        assertThat(unprotected).isEmpty();
    }

    @Test
    void creatingIsIdempotent() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        partitions.create("usage_logins", day);
        partitions.create("usage_logins", day);
        partitions.maintain();
        assertThat(partitions.partitions("usage_logins"))
                .containsOnlyOnce(UsagePartitions.partitionName("usage_logins", day));
    }

    @Test
    void partitionsPastRetentionAreDroppedWithTheirRows() {
        Instant now = Instant.now();
        LocalDate expired = LocalDate.ofInstant(now.minus(properties.retention()), ZoneOffset.UTC).minusDays(2);
        LocalDate kept = LocalDate.ofInstant(now.minus(properties.retention()), ZoneOffset.UTC).plusDays(2);
        UUID company = UUID.randomUUID();
        for (LocalDate day : List.of(expired, kept)) {
            for (String table : UsagePartitions.TABLES) {
                partitions.create(table, day);
            }
            insertUsageOn(day, company);
        }
        assertThat(countOn(expired, company)).isEqualTo(3);
        assertThat(countOn(kept, company)).isEqualTo(3);

        partitions.maintain(now);

        assertThat(countOn(expired, company)).isZero();
        assertThat(countOn(kept, company)).isEqualTo(3);
        for (String table : UsagePartitions.TABLES) {
            assertThat(partitions.partitions(table))
                    .doesNotContain(UsagePartitions.partitionName(table, expired))
                    .contains(UsagePartitions.partitionName(table, kept));
            assertThat(jdbc.sql("SELECT to_regclass(?)::text").param(UsagePartitions.partitionName(table, expired))
                    .query(String.class).optional()).isEmpty();
        }
    }

    @Test
    void retentionCutsWholeDays() {
        Instant now = Instant.parse("2020-06-15T10:00:00Z");
        LocalDate boundary = LocalDate.ofInstant(now.minus(Duration.ofDays(90)), ZoneOffset.UTC);
        for (String table : UsagePartitions.TABLES) {
            partitions.create(table, boundary.minusDays(1));
            partitions.create(table, boundary);
        }
        List<String> dropped = partitions.dropOlderThan(now.minus(Duration.ofDays(90)));
        assertThat(dropped).contains(UsagePartitions.partitionName("usage_requests", boundary.minusDays(1)))
                .doesNotContain(UsagePartitions.partitionName("usage_requests", boundary));
        assertThat(partitions.dropOlderThan(now.minus(Duration.ofDays(89))))
                .contains(UsagePartitions.partitionName("usage_requests", boundary));
    }

    private void insertUsageOn(LocalDate day, UUID company) {
        OffsetDateTime at = day.atTime(12, 0).atOffset(ZoneOffset.UTC);
        TenantContext.runAs(company, () -> tx.executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO usage_requests (at, tenant_id, method, route, status, duration_ms) VALUES (?, ?, 'GET', '/', 200, 1)")
                    .param(at).param(company).update();
            jdbc.sql("INSERT INTO usage_logins (at, tenant_id, success, reason) VALUES (?, ?, true, 'password')")
                    .param(at).param(company).update();
            jdbc.sql("INSERT INTO usage_sessions (at, tenant_id, user_id, session_key) VALUES (?, ?, ?, 'k')")
                    .param(at).param(company).param(UUID.randomUUID()).update();
        }));
    }

    private int countOn(LocalDate day, UUID company) {
        OffsetDateTime from = day.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = from.plusDays(1);
        return TenantContext.callAs(company, () -> tx.execute(s -> jdbc.sql("""
                SELECT (SELECT count(*) FROM usage_requests WHERE at >= :from AND at < :to)
                     + (SELECT count(*) FROM usage_logins WHERE at >= :from AND at < :to)
                     + (SELECT count(*) FROM usage_sessions WHERE at >= :from AND at < :to)""")
                .param("from", from).param("to", to).query(Integer.class).single()));
    }
}
