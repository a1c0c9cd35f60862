package dev.holdfast.platform.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem responses the same way everywhere. */
final class Problems {

    static final String API_PREFIX = "/api/";

    private Problems() {
    }

    static boolean isApi(String path) {
        return path.startsWith(API_PREFIX) || path.equals("/api");
    }

    static ProblemDetail problem(HttpStatusCode status, String detail, HttpServletRequest request, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setInstance(URI.create(path));
        String requestId = RequestIdFilter.of(request);
        if (!requestId.isEmpty()) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
