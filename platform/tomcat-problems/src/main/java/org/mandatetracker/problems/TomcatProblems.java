package org.mandatetracker.problems;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Puts a problem-writing valve in place of the error report valves Tomcat and Spring Boot install, so that what
 * Tomcat refuses before any servlet sees the request (an encoded slash or NUL in the path, a request line or header
 * too long) leaves as {@code application/problem+json} instead of Tomcat's HTML page. Each application says, per
 * status, what the problem's JSON is.
 */
public class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final IntFunction<String> problemJson;

    public TomcatProblems(IntFunction<String> problemJson) {
        this.problemJson = problemJson;
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
            host.getPipeline().addValve(new ProblemValve(problemJson));
            if (host instanceof StandardHost standard) {
                // The host then sees its error report valve in place and adds none of its own.
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

        private final IntFunction<String> problemJson;

        /** The one Tomcat would make by class name: a bare problem naming the status. */
        public ProblemValve() {
            this(status -> "{\"type\":\"about:blank\",\"status\":" + status + "}");
        }

        ProblemValve(IntFunction<String> problemJson) {
            this.problemJson = problemJson;
        }

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
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(problemJson.apply(status));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone; nothing more can be said to the client.
            }
        }
    }
}
