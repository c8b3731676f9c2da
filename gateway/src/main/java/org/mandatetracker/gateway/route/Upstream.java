package org.mandatetracker.gateway.route;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One service's replicas, taken in turn, and what the gateway answers when none of them does. A replica that refuses
 * the connection has seen nothing of the request, so the next one is asked, whatever the method. A connection that
 * breaks before the answer is tried once more only for methods that are safe to repeat: a POST may have been
 * recorded before the connection broke, and not every POST carries an id the client chose, so repeating it is the
 * client's decision. Stale pooled connections are kept out by the client's keep-alive, shorter than the services'
 * ({@code GatewayApplication}). When no replica answers, or answers in time, the answer is 503 with
 * {@code Retry-After}; when an answer breaks off, 502; both as problem details, never 500.
 */
final class Upstream implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(Upstream.class);
    private static final Set<HttpMethod> REPEATABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    private final String service;
    private final List<URI> replicas;
    private final AtomicInteger next = new AtomicInteger();

    Upstream(String service, List<URI> replicas) {
        if (replicas == null || replicas.isEmpty()) {
            throw new IllegalArgumentException(service + " has no address configured");
        }
        this.service = service;
        this.replicas = List.copyOf(replicas);
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> proxy) throws Exception {
        int replica = Math.floorMod(next.getAndIncrement(), replicas.size());
        int refusals = 0;
        boolean repeated = false;
        while (true) {
            URI target = replicas.get(replica++ % replicas.size());
            MvcUtils.setRequestUrl(request, target);
            try {
                return brokenOffAs502(proxy.handle(request));
            } catch (ResourceAccessException failure) {
                if (refused(failure)) {
                    log.warn("{} at {} refused the connection: {}", service, target, failure.getMessage());
                    if (++refusals >= replicas.size()) {
                        return unavailable(service + " is not answering");
                    }
                } else if (timedOut(failure)) {
                    log.warn("{} at {} did not answer in time: {}", service, target, failure.getMessage());
                    return unavailable(service + " did not answer in time");
                } else {
                    log.warn("{} at {} broke off: {}", service, target, failure.getMessage());
                    if (repeated || !REPEATABLE.contains(request.method())) {
                        return badGateway();
                    }
                    repeated = true;
                }
            }
        }
    }

    /**
     * The answer's body is copied after this filter has returned, so a service that dies between its headers and its
     * body fails there, outside the handling above. While nothing has reached the client yet, that is a 502 too.
     */
    private ServerResponse brokenOffAs502(ServerResponse answer) {
        return new ServerResponse() {
            @Override
            public HttpStatusCode statusCode() {
                return answer.statusCode();
            }

            @Override
            @SuppressWarnings("deprecation")
            public int rawStatusCode() {
                return answer.rawStatusCode();
            }

            @Override
            public HttpHeaders headers() {
                return answer.headers();
            }

            @Override
            public MultiValueMap<String, Cookie> cookies() {
                return answer.cookies();
            }

            @Override
            public ModelAndView writeTo(HttpServletRequest request, HttpServletResponse response, Context context)
                    throws ServletException, IOException {
                try {
                    return answer.writeTo(request, response, context);
                } catch (IOException broken) {
                    if (response.isCommitted()) {
                        throw broken;
                    }
                    log.warn("{} broke off its answer to {}: {}", service, request.getRequestURI(), broken.toString());
                    response.reset();
                    return badGateway().writeTo(request, response, context);
                }
            }
        };
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private ServerResponse unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                detail + "; try again in " + RETRY_AFTER.toSeconds() + " s");
        problem.setTitle("Service unavailable");
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ServerResponse badGateway() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                service + " broke off its answer; a request that records something may or may not have been "
                        + "recorded, so repeat it with the same id");
        problem.setTitle("Bad gateway");
        return ServerResponse.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
