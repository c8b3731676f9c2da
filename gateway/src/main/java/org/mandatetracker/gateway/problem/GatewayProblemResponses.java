package org.mandatetracker.gateway.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/** The gateway's own request handling errors (no route, a method not taken) as problems. */
@RestControllerAdvice
class GatewayProblemResponses extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : ex instanceof ErrorResponse response ? response.getBody() : ProblemDetail.forStatus(status);
        var written = Problems.body(status.value(), detail(ex, status), null);
        problem.setType(URI.create(written.get("type").toString()));
        problem.setTitle(written.get("title").toString());
        problem.setDetail(written.get("detail").toString());
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static String detail(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpRequestMethodNotSupportedException method && method.getSupportedMethods() != null) {
            return method.getMethod() + " is not supported here; use " + String.join(" or ",
                    method.getSupportedMethods());
        }
        return Problems.advice(status.value());
    }
}
