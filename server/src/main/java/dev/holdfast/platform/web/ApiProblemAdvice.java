package dev.holdfast.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every error raised in a REST controller. Errors that happen before a
 * controller is chosen (404, 405, 415) reach {@link ErrorPages}, which answers {@code /api} paths the same way.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(e.status(), e.getMessage(), request, request.getRequestURI());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        var response = ResponseEntity.status(e.status()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(e.retryAfter())));
        }
        return response.body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String field = e.getName();
        return problem(ProblemException.invalid(field, "has an invalid value"), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<ProblemException.FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemException.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed", errors, null),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Quote the request id when reporting it.", request,
                request.getRequestURI());
        return Problems.response(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemException.FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new ProblemException.FieldProblem(f.getField(),
                        f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage()))
                .toList();
        String detail = errors.isEmpty() ? "Validation failed"
                : errors.get(0).field() + ": " + errors.get(0).message();
        return asObject(problem(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, detail, errors, null),
                servletRequest(request)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemException.FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ProblemException.FieldProblem(
                        r.getMethodParameter().getParameterName() == null ? "parameter"
                                : r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage() == null ? "is invalid" : err.getDefaultMessage())))
                .toList();
        String detail = errors.isEmpty() ? "Validation failed" : errors.get(0).field() + ": " + errors.get(0).message();
        return asObject(problem(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, detail, errors, null),
                servletRequest(request)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(problem(ProblemException.badRequest("The request body is missing or is not valid JSON"),
                servletRequest(request)));
    }

    /** Every other Spring MVC exception: keep its status and safe detail, add title, instance and request id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servlet = servletRequest(request);
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail()
                : (HttpStatus.resolve(statusCode.value()) != null
                        ? HttpStatus.resolve(statusCode.value()).getReasonPhrase() : "Error");
        ProblemDetail problem = Problems.problem(statusCode, detail, servlet, servlet.getRequestURI());
        return ResponseEntity.status(statusCode).headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }

    /** Whole seconds, rounded up (a caller retrying after a rounded-down wait would be refused again), at least 1. */
    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

}
