package dev.holdfast.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.RateLimit;
import dev.holdfast.platform.RateLimiter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Buckets in the real PostgreSQL. Each test uses its own limit name and keys, and its own "node" (a
 * limiter with its own Bucket4j proxy manager), with a clock the test moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PostgresRateLimiterTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RateLimiter rateLimiter;
    @Autowired
    IdleBucketCleanup cleanup;

    final ManualClock clock = new ManualClock(Instant.now());

    @Test
    void anEmptyBucketRefusesWithTheWaitForTheNextToken() {
        RateLimiter node = node(clock);
        RateLimit limit = limit(3, Duration.ofMinutes(1));
        String key = "203.0.113.7";

        for (int i = 0; i < 3; i++) {
            assertThat(node.tryConsume(limit, key)).isZero();
        }

        assertThatThrownBy(() -> node.consume(limit, key))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    // one of three tokens per minute comes back after 20 s
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(20));
                });
        clock.advance(Duration.ofSeconds(5));
        assertThat(node.tryConsume(limit, key)).isEqualTo(Duration.ofSeconds(15));
        assertThat(node.tryConsume(limit, "203.0.113.8")).as("another key has its own bucket").isZero();
    }

    @Test
    void tokensComeBackOverThePeriod() {
        RateLimiter node = node(clock);
        RateLimit limit = limit(2, Duration.ofHours(1));
        String key = "someone@example.com";
        node.consume(limit, key);
        node.consume(limit, key);
        assertThat(node.tryConsume(limit, key)).isPositive();

        clock.advance(Duration.ofMinutes(30));
        assertThat(node.tryConsume(limit, key)).as("half the period: one token").isZero();
        assertThat(node.tryConsume(limit, key)).isPositive();

        clock.advance(Duration.ofHours(5));
        assertThat(node.tryConsume(limit, key)).isZero();
        assertThat(node.tryConsume(limit, key)).isZero();
        assertThat(node.tryConsume(limit, key)).as("never more than the capacity").isPositive();
    }

    @Test
    void twoNodesShareOneBucket() {
        RateLimiter nodeA = node(clock);
        RateLimiter nodeB = node(clock);
        RateLimit limit = limit(5, Duration.ofHours(1));
        String key = "user:" + UUID.randomUUID();

        for (int i = 0; i < 3; i++) {
            nodeA.consume(limit, key);
        }
        for (int i = 0; i < 2; i++) {
            nodeB.consume(limit, key);
        }

        assertThatThrownBy(() -> nodeA.consume(limit, key)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> nodeB.consume(limit, key)).isInstanceOf(ProblemException.class);
        assertThat(rowsOf(limit)).isEqualTo(1);
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheCapacity() throws Exception {
        RateLimit limit = limit(20, Duration.ofHours(1));
        String key = "198.51.100.20";
        List<RateLimiter> nodes = List.of(node(clock), node(clock));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> granted = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RateLimiter node = nodes.get(t % 2);
                granted.add(threads.submit((Callable<Integer>) () -> {
                    start.await();
                    int mine = 0;
                    for (int i = 0; i < 6; i++) {
                        if (node.tryConsume(limit, key).isZero()) {
                            mine++;
                        }
                    }
                    return mine;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : granted) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).as("48 attempts on 20 tokens").isEqualTo(20);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void keysAreStoredOnlyAsHashes() {
        RateLimit limit = limit(10, Duration.ofMinutes(1));
        String email = "Jane.Doe+" + UUID.randomUUID() + "@example.com";
        String ip = "2001:db8::" + Integer.toHexString((int) (Math.random() * 0xffff));
        RateLimiter node = node(clock);
        node.consume(limit, email);
        node.consume(limit, ip);

        List<String> rows = jdbc.sql("select t::text from rate_limit_buckets t where limit_name = ?")
                .param(limit.name()).query(String.class).list();
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row)
                .doesNotContainIgnoringCase(email).doesNotContain(ip).doesNotContain("Jane.Doe"));
        List<String> ids = jdbc.sql("select id from rate_limit_buckets where limit_name = ?")
                .param(limit.name()).query(String.class).list();
        assertThat(ids).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{64}"))
                .contains(BucketId.of(limit, email).hash(), BucketId.of(limit, ip).hash());
    }

    @Test
    void cleanupDeletesBucketsIdleForADayAndIsIdempotent() {
        RateLimit limit = limit(1, Duration.ofMinutes(1));
        ManualClock twoDaysAgo = new ManualClock(Instant.now().minus(Duration.ofDays(2)));
        node(twoDaysAgo).consume(limit, "idle");
        node(new ManualClock(Instant.now().minus(Duration.ofHours(23)))).consume(limit, "used yesterday");
        node(clock).consume(limit, "busy");
        assertThat(rowsOf(limit)).isEqualTo(3);

        assertThat(cleanup.deleteIdleBuckets()).isGreaterThanOrEqualTo(1);
        assertThat(cleanup.deleteIdleBuckets()).isZero();

        assertThat(jdbc.sql("select id from rate_limit_buckets where limit_name = ?").param(limit.name())
                .query(String.class).list())
                .containsExactlyInAnyOrder(BucketId.of(limit, "used yesterday").hash(), BucketId.of(limit, "busy").hash());
        assertThat(node(clock).tryConsume(limit, "busy")).as("the busy bucket kept its state").isPositive();
    }

    @Test
    void theApplicationsLimiterUsesTheSameBuckets() {
        RateLimit limit = limit(2, Duration.ofHours(1));
        rateLimiter.consume(limit, "k");
        node(new ManualClock(Instant.now())).consume(limit, "k");
        assertThatThrownBy(() -> rateLimiter.consume(limit, "k"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(30)));
    }

    private RateLimiter node(ManualClock nodeClock) {
        return new PostgresRateLimiter(dataSource, nodeClock);
    }

    private static RateLimit limit(long capacity, Duration period) {
        return new RateLimit("test-" + UUID.randomUUID(), capacity, period);
    }

    private int rowsOf(RateLimit limit) {
        return jdbc.sql("select count(*) from rate_limit_buckets where limit_name = ?").param(limit.name())
                .query(Integer.class).single();
    }
}
