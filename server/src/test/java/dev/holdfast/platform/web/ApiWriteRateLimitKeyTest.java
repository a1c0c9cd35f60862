package dev.holdfast.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.holdfast.platform.Actor;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Whose bucket a write comes out of. */
class ApiWriteRateLimitKeyTest {

    final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/assets");
    final UUID id = UUID.randomUUID();

    {
        request.setRemoteAddr("203.0.113.5");
    }

    @Test
    void usersAndDevicesByTheirIdWhereverTheyComeFrom() {
        assertThat(ApiWriteRateLimit.key(Actor.user(id, "jane@example.com"), request)).isEqualTo("user:" + id);
        assertThat(ApiWriteRateLimit.key(Actor.device(id, "collector-7"), request)).isEqualTo("device:" + id);
    }

    @Test
    void everyoneElseByClientIp() {
        assertThat(ApiWriteRateLimit.key(Actor.ANONYMOUS, request)).isEqualTo("ip:203.0.113.5");
        assertThat(ApiWriteRateLimit.key(Actor.SYSTEM, request)).isEqualTo("ip:203.0.113.5");
    }
}
