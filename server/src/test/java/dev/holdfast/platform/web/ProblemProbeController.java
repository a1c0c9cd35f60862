package dev.holdfast.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import dev.holdfast.platform.ProblemException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A test-only API endpoint that fails in each of the ways real ones will. */
@RestController
class ProblemProbeController {

    record Probe(@NotBlank String name, @Email String email) {
    }

    @PostMapping(path = "/api/v1/test/probes", consumes = "application/json")
    Probe create(@Valid @RequestBody Probe probe) {
        return probe;
    }

    @GetMapping("/api/v1/test/probes/{id}")
    Probe get(@PathVariable long id) {
        if (id == 13) {
            throw new IllegalStateException("secret internal detail");
        }
        throw ProblemException.notFound("Probe");
    }
}
