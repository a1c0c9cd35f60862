package dev.holdfast.fleet.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.holdfast.fleet.BleFilter;
import dev.holdfast.fleet.FleetProperties;
import dev.holdfast.platform.TimeCursor;
import dev.holdfast.fleet.domain.Enrollment;
import dev.holdfast.fleet.domain.EnrollmentCodes;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.RateLimiter;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Enrolment codes (company Admins and Owners) and the collectors' enrolment with one (no authentication). */
@RestController
class EnrollmentApi {

    record CodeRequest(@Nullable Integer ttlMinutes, @Nullable Integer maxUses) {
    }

    record CodeCreated(UUID id, String code, Instant expiresAt, int maxUses) {
        @Override
        public String toString() {
            return "CodeCreated[" + id + "]";
        }
    }

    record CodeItem(UUID id, Instant createdAt, Instant expiresAt, int maxUses, int uses, String status) {
    }

    record EnrollRequest(@Nullable String code, @Nullable String hardwareId, @Nullable String model,
            @Nullable String appVersion) {
        @Override
        public String toString() {
            return "EnrollRequest[redacted]";
        }
    }

    record EnrollResponse(UUID deviceId, String token, int uploadIntervalSeconds, BleFilter bleFilter) {
        @Override
        public String toString() {
            return "EnrollResponse[" + deviceId + "]";
        }
    }

    private final EnrollmentCodes codes;
    private final Enrollment enrollment;
    private final RateLimiter limiter;
    private final FleetProperties properties;

    EnrollmentApi(EnrollmentCodes codes, Enrollment enrollment, RateLimiter limiter, FleetProperties properties) {
        this.codes = codes;
        this.enrollment = enrollment;
        this.limiter = limiter;
        this.properties = properties;
    }

    @PostMapping("/api/v1/enrollment-codes")
    @ResponseStatus(HttpStatus.CREATED)
    CodeCreated create(@RequestBody(required = false) @Nullable CodeRequest body) {
        AdminOnly.check();
        EnrollmentCodes.Created created = codes.create(body == null ? null : body.ttlMinutes(),
                body == null ? null : body.maxUses(), AdminOnly.userId());
        return new CodeCreated(created.id(), created.code(), created.expiresAt(), created.maxUses());
    }

    /** {@code ?status=active} lists only codes that can still be used; newest first. */
    @GetMapping("/api/v1/enrollment-codes")
    Map<String, Object> list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable String after) {
        AdminOnly.check();
        boolean activeOnly = "active".equalsIgnoreCase(status);
        if (status != null && !activeOnly && !"all".equalsIgnoreCase(status)) {
            throw ProblemException.invalid("status", "must be active or all");
        }
        int limit = TimeCursor.size(size);
        List<EnrollmentCodes.Listed> rows = codes.list(activeOnly, TimeCursor.parse(after), limit);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", rows.stream().map(c -> new CodeItem(c.id(), c.createdAt(), c.expiresAt(), c.maxUses(),
                c.uses(), c.status().name().toLowerCase(Locale.ROOT))).toList());
        EnrollmentCodes.Listed last = rows.size() == limit ? rows.get(rows.size() - 1) : null;
        page.put("next", last == null ? null : new TimeCursor(last.createdAt(), last.id()).token());
        return page;
    }

    @DeleteMapping("/api/v1/enrollment-codes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        AdminOnly.check();
        codes.revoke(id);
    }

    /** Rate limited per client address: codes are short enough to type, so guessing must stay slow. */
    @PostMapping("/api/v1/devices/enroll")
    @ResponseStatus(HttpStatus.CREATED)
    EnrollResponse enroll(@RequestBody EnrollRequest body, HttpServletRequest request) {
        limiter.consume(properties.enrollmentPerIp(), request.getRemoteAddr());
        Enrollment.Enrolled enrolled = enrollment.enroll(body.code(), body.hardwareId(), body.model(),
                body.appVersion());
        return new EnrollResponse(enrolled.deviceId(), enrolled.token(), enrolled.uploadIntervalSeconds(),
                enrolled.bleFilter());
    }
}
