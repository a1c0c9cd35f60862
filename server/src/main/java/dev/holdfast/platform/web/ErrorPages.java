package dev.holdfast.platform.web;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.platform.ProblemException;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Everything the container routes to {@code /error}: problem details for {@code /api} paths, a friendly
 * page for people. Never a stack trace, never an exception message from a 5xx.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping(value = "/error", produces = "application/problem+json")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpServletResponse response) {
        ProblemDetail problem = Problems.problem(status(request), detail(request), request, path(request));
        ProblemException raised = ProblemExceptionResolver.of(request);
        if (raised != null && !raised.errors().isEmpty()) {
            problem.setProperty("errors", raised.errors());
        }
        retryAfter(request, response);
        return Problems.response(problem);
    }

    @RequestMapping("/error")
    Object page(HttpServletRequest request, HttpServletResponse response) {
        String path = path(request);
        HttpStatus status = status(request);
        if (Problems.isApi(path)) {
            return problem(request, response);
        }
        retryAfter(request, response);
        ModelAndView mav = new ModelAndView("error", Map.of(
                "status", status.value(),
                "heading", title(status),
                "message", friendly(status),
                "requestId", RequestIdFilter.of(request)));
        mav.setStatus(status);
        return mav;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String path(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String s ? s : request.getRequestURI();
    }

    /** A ProblemException's detail is written for the caller; sent by {@link ProblemExceptionResolver}. */
    private static String detail(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemException raised = ProblemExceptionResolver.of(request);
        if (raised != null && raised.status() == status) {
            return raised.getMessage();
        }
        return switch (status) {
            case NOT_FOUND -> "No resource at " + path(request);
            case METHOD_NOT_ALLOWED -> "Method " + originalMethod(request) + " is not supported at " + path(request);
            case UNSUPPORTED_MEDIA_TYPE -> "Content type '" + request.getContentType() + "' is not supported here";
            case NOT_ACCEPTABLE -> "No acceptable representation";
            case UNAUTHORIZED -> "Authentication is required";
            case FORBIDDEN -> "Not allowed";
            default -> status.is5xxServerError()
                    ? "An unexpected error occurred. Quote the request id when reporting it."
                    : status.getReasonPhrase();
        };
    }

    private static void retryAfter(HttpServletRequest request, HttpServletResponse response) {
        ProblemException raised = ProblemExceptionResolver.of(request);
        Duration wait = raised != null ? raised.retryAfter() : null;
        if (wait != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ApiProblemAdvice.retryAfterSeconds(wait)));
        }
    }

    private static String originalMethod(HttpServletRequest request) {
        Object method = request.getAttribute("jakarta.servlet.error.method");
        return method instanceof String s ? s : request.getMethod();
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Page not found";
            case FORBIDDEN -> "Not allowed";
            case UNAUTHORIZED -> "Please sign in";
            case TOO_MANY_REQUESTS -> "Slow down";
            default -> status.is5xxServerError() ? "Something went wrong" : status.getReasonPhrase();
        };
    }

    private static String friendly(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "We could not find that page. It may have been moved or deleted.";
            case FORBIDDEN -> "Your role does not allow this. Ask an administrator of your company if you need it.";
            case UNAUTHORIZED -> "Your session has ended. Sign in again to continue.";
            case TOO_MANY_REQUESTS -> "Too many attempts in a short time. Wait a minute and try again.";
            case METHOD_NOT_ALLOWED, BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE ->
                    "The request could not be understood. Go back and try again.";
            default -> status.is5xxServerError()
                    ? "An unexpected error occurred on our side. Nothing was changed. Try again, and if it keeps "
                            + "happening give your administrator the request id below."
                    : status.getReasonPhrase();
        };
    }
}
