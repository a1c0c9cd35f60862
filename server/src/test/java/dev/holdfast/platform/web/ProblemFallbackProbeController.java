package dev.holdfast.platform.web;

import java.time.Duration;

import dev.holdfast.platform.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Test-only: a plain {@code @Controller} (not covered by ApiProblemAdvice) throwing ProblemExceptions. */
@Controller
class ProblemFallbackProbeController {

    @GetMapping("/test/problem-page")
    String page() {
        throw ProblemException.tooManyRequests(Duration.ofMillis(2_500));
    }

    @GetMapping("/api/v1/test/plain-controller")
    @ResponseBody
    String api() {
        throw ProblemException.invalid("colour", "is not a colour");
    }
}
