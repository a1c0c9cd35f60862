package dev.holdfast.platform.ratelimit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.RateLimit;
import dev.holdfast.platform.RateLimiter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Bucket4j over {@code rate_limit_buckets}: each consumption locks the bucket's row ({@code SELECT … FOR
 * UPDATE}) on its own connection and commits at once, so any number of app nodes share one bucket. The
 * clock must be wall-clock based and roughly agree between nodes (bucket state holds timestamps).
 */
final class PostgresRateLimiter implements RateLimiter {

    static final String TABLE = "rate_limit_buckets";
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(5);

    private final ProxyManager<BucketId> buckets;

    PostgresRateLimiter(DataSource dataSource, TimeMeter clock) {
        if (!clock.isWallClockBased()) {
            throw new IllegalArgumentException("buckets shared between nodes need a wall clock");
        }
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(BucketId.MAPPER)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .addCustomColumn(column("limit_name",
                        (statement, index, id, nanos) -> statement.setString(index, id.limitName())))
                .addCustomColumn(column("last_used_at", (statement, index, id, nanos) ->
                        statement.setObject(index,
                                OffsetDateTime.ofInstant(Instant.ofEpochSecond(0, nanos), ZoneOffset.UTC))))
                .clientClock(clock)
                .requestTimeout(STATEMENT_TIMEOUT)
                .build();
    }

    @Override
    public void consume(RateLimit limit, String key) {
        Duration wait = tryConsume(limit, key);
        if (!wait.isZero()) {
            throw ProblemException.tooManyRequests(wait);
        }
    }

    @Override
    public Duration tryConsume(RateLimit limit, String key) {
        ConsumptionProbe probe = buckets.builder()
                .build(BucketId.of(limit, key), () -> configuration(limit))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    private static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build();
    }

    @FunctionalInterface
    private interface ColumnSetter {
        void set(PreparedStatement statement, int index, BucketId id, long nanos) throws SQLException;
    }

    /** An extra column Bucket4j writes with every state update (not on its initial empty insert). */
    private static CustomColumnProvider<BucketId> column(String name, ColumnSetter setter) {
        return new CustomColumnProvider<>() {
            @Override
            public void setCustomField(BucketId key, int paramIndex, PreparedStatement statement,
                    RemoteBucketState state, long currentTimeNanos)
                    throws SQLException {
                setter.set(statement, paramIndex, key, currentTimeNanos);
            }

            @Override
            public String getCustomFieldName() {
                return name;
            }
        };
    }
}
