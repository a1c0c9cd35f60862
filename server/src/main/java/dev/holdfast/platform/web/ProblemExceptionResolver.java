package dev.holdfast.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A {@link ProblemException} that {@link ApiProblemAdvice} did not answer — thrown by an interceptor for a
 * request no REST controller handles (an unknown {@code /api} path), or by a page controller — is sent
 * as an error with its own status instead of escaping as a 500 with a logged stack trace. {@link ErrorPages}
 * then answers: problem details (with the exception's detail and {@code Retry-After}) on {@code /api}, a
 * friendly page elsewhere.
 */
class ProblemExceptionResolver implements HandlerExceptionResolver {

    private static final String ATTRIBUTE = ProblemExceptionResolver.class.getName() + ".exception";

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception ex) {
        if (!(ex instanceof ProblemException problem) || response.isCommitted()) {
            return null;
        }
        request.setAttribute(ATTRIBUTE, problem);
        try {
            response.sendError(problem.status().value());
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    /** The exception this resolver sent as an error, when the error page is rendered for one. */
    static @Nullable ProblemException of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof ProblemException p ? p : null;
    }
}
