package org.mandatetracker.gateway.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mandatetracker.gateway.GatewayProperties;
import org.mandatetracker.gateway.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds how many of the gateway's request threads one client, and all event streams together, may hold at once.
 * The proxy holds a thread for as long as it copies an answer: an event stream's for as long as it is open, any other
 * for as long as its client takes to read it. Unbounded, a few clients reading slowly, or subscribers, could take
 * every thread, and the gateway would answer nothing else. Clients are named as {@link RateLimitFilter} names them. A
 * client beyond its share gets 429, a stream beyond the streams' total 503, both with {@code Retry-After}; a request
 * gives its place back when it ends, however it ends.
 */
public class InFlightLimitFilter extends OncePerRequestFilter {

    static final long RETRY_AFTER_SECONDS = 5;

    private final Places streams;
    private final Places requests;

    public InFlightLimitFilter(GatewayProperties properties, MeterRegistry meters) {
        GatewayProperties.Limits limits = properties.limits();
        this.streams = new Places(limits.streams(), limits.streamsPerClient());
        this.requests = new Places(Integer.MAX_VALUE, limits.requestsInFlightPerClient());
        Gauge.builder("gateway.streams.open", streams, places -> places.limit - places.total.availablePermits())
                .description("Event streams open through this gateway, of gateway.limits.streams")
                .register(meters);
    }

    /** Places for requests of one kind, in all and per client. */
    private static final class Places {
        private final int limit;
        private final Semaphore total;
        private final int perClient;
        private final Map<String, Integer> byClient = new ConcurrentHashMap<>();

        Places(int total, int perClient) {
            this.limit = total;
            this.total = new Semaphore(total);
            this.perClient = perClient;
        }

        boolean takeForClient(String client) {
            if (byClient.merge(client, 1, Integer::sum) <= perClient) {
                return true;
            }
            giveBackForClient(client);
            return false;
        }

        void giveBackForClient(String client) {
            byClient.computeIfPresent(client, (key, held) -> held <= 1 ? null : held - 1);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean stream = ApiPaths.isStream(request);
        Places places = stream ? streams : requests;
        String client = RateLimitFilter.client(request);
        if (!places.takeForClient(client)) {
            refuse(response, request, HttpStatus.TOO_MANY_REQUESTS, stream
                    ? "This client already has " + places.perClient + " event streams open "
                    + "(gateway.limits.streams-per-client); close one, or resume it with Last-Event-ID after "
                    + "Retry-After"
                    : "This client already has " + places.perClient + " requests in progress "
                    + "(gateway.limits.requests-in-flight-per-client); wait for one to finish, then send more");
            return;
        }
        if (!places.total.tryAcquire()) {
            places.giveBackForClient(client);
            refuse(response, request, HttpStatus.SERVICE_UNAVAILABLE, "The gateway already holds "
                    + places.limit + " event streams (gateway.limits.streams); try again after "
                    + "Retry-After");
            return;
        }
        // The proxy copies the answer on this thread, so the request has ended, however it ended, when this returns.
        try {
            chain.doFilter(request, response);
        } finally {
            places.total.release();
            places.giveBackForClient(client);
        }
    }

    private static void refuse(HttpServletResponse response, HttpServletRequest request, HttpStatus status,
                               String detail) throws IOException {
        response.setHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
        Problems.write(response, status.value(), detail, request.getRequestURI());
    }
}
