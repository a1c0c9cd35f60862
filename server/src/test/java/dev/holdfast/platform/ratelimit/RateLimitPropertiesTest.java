package dev.holdfast.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RateLimitPropertiesTest {

    @Test
    void defaultsAreOnAnd120WritesAMinute() {
        RateLimitProperties properties = bind(Map.of());
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.apiWritesPerMinute()).isEqualTo(120);
    }

    @Test
    void bothCanBeSet() {
        RateLimitProperties properties = bind(Map.of("holdfast.rate-limit.enabled", "false",
                "holdfast.rate-limit.api-writes-per-minute", "600"));
        assertThat(properties.enabled()).isFalse();
        assertThat(properties.apiWritesPerMinute()).isEqualTo(600);
    }

    private static RateLimitProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("holdfast.rate-limit", RateLimitProperties.class);
    }
}
