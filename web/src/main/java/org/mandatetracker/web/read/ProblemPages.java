package org.mandatetracker.web.read;

import jakarta.servlet.http.HttpServletResponse;
import org.mandatetracker.web.api.ApiProblem;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A page the API refused (an unknown body, a bad date) shows the API's own words, with its status. */
@ControllerAdvice
public class ProblemPages {

    @ExceptionHandler
    String refused(ApiProblem problem, Model model, HttpServletResponse response) {
        int status = problem.status() >= 500 ? 502 : problem.status();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", problem.detail().isBlank() ? problem.title() : problem.detail());
        return "error";
    }
}
