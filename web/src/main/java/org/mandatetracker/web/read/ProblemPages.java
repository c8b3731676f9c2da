package org.mandatetracker.web.read;

import jakarta.servlet.http.HttpServletResponse;
import org.mandatetracker.web.api.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A page the API refused (an unknown body, a bad date) shows the API's own words, with its status; a query parameter
 * this application cannot read (an edited address's {@code asOf=2011-13-01}) is named, with the form it needs.
 */
@ControllerAdvice
public class ProblemPages {

    private final MessageSource messages;

    public ProblemPages(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    String refused(ApiProblem problem, Model model, HttpServletResponse response) {
        int status = problem.status() >= 500 ? 502 : problem.status();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", problem.detail().isBlank() ? problem.title() : problem.detail());
        return "error";
    }

    @ExceptionHandler
    String unreadable(MethodArgumentTypeMismatchException mismatch, Model model, HttpServletResponse response,
                      Locale locale) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("status", HttpServletResponse.SC_BAD_REQUEST);
        Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(mismatch.getParameter().getNestedParameterType());
        String form = LocalDate.class.equals(type) ? "error.date"
                : Number.class.isAssignableFrom(type) ? "error.number" : "error.parameter";
        model.addAttribute("detail", messages.getMessage(form, new Object[] {mismatch.getName()}, locale));
        return "error";
    }
}
