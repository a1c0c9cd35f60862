package dev.holdfast.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A test-only API endpoint to read and write, for the API write rate limit. */
@RestController
class RateLimitProbeController {

    @GetMapping("/api/v1/test/rate-limit-probe")
    Map<String, String> read() {
        return Map.of("status", "read");
    }

    @PostMapping("/api/v1/test/rate-limit-probe")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> write() {
        return Map.of("status", "written");
    }

    @PutMapping("/api/v1/test/rate-limit-probe")
    Map<String, String> replace() {
        return Map.of("status", "replaced");
    }

    @PatchMapping("/api/v1/test/rate-limit-probe")
    Map<String, String> change() {
        return Map.of("status", "changed");
    }

    @DeleteMapping("/api/v1/test/rate-limit-probe")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete() {
    }
}
