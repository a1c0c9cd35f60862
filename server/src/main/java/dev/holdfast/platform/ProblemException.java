package dev.holdfast.platform;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * An error to be answered as RFC 9457 problem details on {@code /api} (and as a friendly page elsewhere).
 * The detail is shown to the caller, so it must never contain secrets or another company's data.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldProblem> errors;
    private final @Nullable Duration retryAfter;

    /** One invalid field: its name as the caller sent it, and why. */
    public record FieldProblem(String field, String message) {
    }

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, List.of(), null);
    }

    public ProblemException(HttpStatus status, String detail, List<FieldProblem> errors, @Nullable Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, what + " not found");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, detail);
    }

    /** 422 naming the field that is wrong. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, field + ": " + message,
                List.of(new FieldProblem(field, message)), null);
    }

    public static ProblemException tooManyRequests(Duration retryAfter) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests; try again later",
                List.of(), retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
