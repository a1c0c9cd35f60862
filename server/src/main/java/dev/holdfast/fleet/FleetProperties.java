package dev.holdfast.fleet;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import dev.holdfast.platform.RateLimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Fleet settings: the upload interval given to collectors at enrolment, enrolment-code defaults and bounds, the
 * per-IP limit on enrolment attempts (against code guessing), and when the operator's health page calls a
 * device silent.
 */
@Validated
@ConfigurationProperties("holdfast.fleet")
public record FleetProperties(
        @DefaultValue("900") @Min(60) @Max(86_400) int uploadIntervalSeconds,
        @DefaultValue("60") @Min(1) int codeDefaultTtlMinutes,
        @DefaultValue("43200") @Min(1) int codeMaxTtlMinutes,
        @DefaultValue("1000") @Min(1) int codeMaxUses,
        @DefaultValue("30") @Min(1) int enrollmentsPerIpPerMinute,
        @DefaultValue("1h") Duration silentAfter) {

    public RateLimit enrollmentPerIp() {
        return new RateLimit("device-enroll-ip", enrollmentsPerIpPerMinute, Duration.ofMinutes(1));
    }
}
