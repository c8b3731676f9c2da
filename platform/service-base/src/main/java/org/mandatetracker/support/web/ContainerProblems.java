package org.mandatetracker.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.mandatetracker.problems.TomcatProblems;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Errors that never reach a controller leave as problems too: Spring Boot's error page (a status sent without a
 * body) and Tomcat's own refusals (an encoded slash or NUL in the path, a request line or header too long), which
 * Tomcat would otherwise answer with an HTML page ({@link TomcatProblems}).
 */
@RestController
public class ContainerProblems implements ErrorController {

    /** Tomcat's 400s are all about the request line: the path names the field, as every other refusal does. */
    static final String MALFORMED_URI = "{\"type\":\"urn:mandate-tracker:problem:invalid-request\","
            + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"path: must be a well-formed URI: "
            + "percent-encoded UTF-8 without NUL or encoded slashes\",\"errors\":[{\"field\":\"path\",\"rule\":"
            + "\"uri\",\"message\":\"must be a well-formed URI: percent-encoded UTF-8 without NUL or encoded "
            + "slashes\"}]}";
    static final String ADVICE = "Tomcat refused the request before the service saw it; check the URL for encoded "
            + "slashes (%2F) or NUL (%00) and its length";

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer value ? value : 500);
        ProblemDetail problem = ProblemDetail.forStatus(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status);
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        problem.setDetail(message == null || message.toString().isBlank() ? null : message.toString());
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            try {
                problem.setInstance(URI.create(path.toString()));
            } catch (IllegalArgumentException unparseable) {
                // A path Tomcat let through but URI cannot hold; the problem goes without it.
            }
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Tomcat's 400s are about the request line; its other refusals get advice on what to check. */
    @Bean
    static TomcatProblems tomcatProblems() {
        return new TomcatProblems(status -> {
            if (status == 400) {
                return MALFORMED_URI;
            }
            HttpStatus known = HttpStatus.resolve(status);
            return "{\"type\":\"about:blank\",\"title\":\"" + (known == null ? "Error" : known.getReasonPhrase())
                    + "\",\"status\":" + status + ",\"detail\":\"" + (status < 500 ? ADVICE : "The server failed")
                    + "\"}";
        });
    }
}
