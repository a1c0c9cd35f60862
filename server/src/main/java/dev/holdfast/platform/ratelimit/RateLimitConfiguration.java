package dev.holdfast.platform.ratelimit;

import java.time.Duration;

import javax.sql.DataSource;

import dev.holdfast.platform.RateLimit;
import dev.holdfast.platform.RateLimiter;

import io.github.bucket4j.TimeMeter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(DataSource dataSource, RateLimitProperties properties) {
        if (!properties.enabled()) {
            return new Unlimited();
        }
        return new PostgresRateLimiter(dataSource, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** {@code holdfast.rate-limit.enabled=false}: every request is allowed, nothing is stored. */
    private static final class Unlimited implements RateLimiter {

        @Override
        public void consume(RateLimit limit, String key) {
        }

        @Override
        public Duration tryConsume(RateLimit limit, String key) {
            return Duration.ZERO;
        }
    }
}
