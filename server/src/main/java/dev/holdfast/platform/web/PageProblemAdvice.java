package dev.holdfast.platform.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.platform.ProblemException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A {@link ProblemException} escaping a page controller becomes the friendly error page with its status. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemAdvice {

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        ModelAndView mav = new ModelAndView("error", Map.of(
                "status", e.status().value(),
                "heading", e.status().value() == 429 ? "Slow down" : e.status().getReasonPhrase(),
                "message", e.getMessage(),
                "requestId", RequestIdFilter.of(request)));
        mav.setStatus(e.status());
        return mav;
    }
}
