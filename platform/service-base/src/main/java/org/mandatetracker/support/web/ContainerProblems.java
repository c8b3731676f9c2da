package org.mandatetracker.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Errors that never reach a controller leave as problems too: Spring Boot's error page (a status sent without a
 * body) and Tomcat's own refusals (an encoded slash or NUL in the path, a request line or header too long), which
 * Tomcat would otherwise answer with an HTML page.
 */
@RestController
public class ContainerProblems implements ErrorController, WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
        Ordered {

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

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemValve());
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemValve.class.getName());
            }
        });
    }

    /** After Spring Boot's own customizer, which adds its error report valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error report, as a problem. */
    public static class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean();
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(status == 400 ? MALFORMED_URI : "{\"type\":\"about:blank\",\"title\":\"" + title
                            + "\",\"status\":" + status + ",\"detail\":\"" + (status < 500 ? ADVICE
                            : "The server failed") + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone; nothing more can be said to the client.
            }
        }
    }
}
