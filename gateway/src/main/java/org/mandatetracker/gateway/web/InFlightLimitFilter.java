package org.mandatetracker.gateway.web;

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
 * Bounds the event streams open through this gateway, in all and per client (as {@link RateLimitFilter} names
 * clients). The proxy holds a request thread for as long as a stream is open, so unbounded, subscribers would take
 * every thread and the gateway would answer nothing else. A client beyond its share gets 429, anyone beyond the total
 * 503, both with {@code Retry-After}; a stream gives its place back when it ends, however it ends.
 */
public class StreamLimitFilter extends OncePerRequestFilter {

    static final long RETRY_AFTER_SECONDS = 5;

    private final int total;
    private final int perClient;
    private final Semaphore places;
    private final Map<String, Integer> byClient = new ConcurrentHashMap<>();

    public StreamLimitFilter(GatewayProperties properties) {
        this.total = properties.limits().streams();
        this.perClient = properties.limits().streamsPerClient();
        this.places = new Semaphore(total);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isStream(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = RateLimitFilter.client(request);
        if (byClient.merge(client, 1, Integer::sum) > perClient) {
            giveBack(client);
            refuse(response, request, HttpStatus.TOO_MANY_REQUESTS, "This client already has " + perClient
                    + " event streams open (gateway.limits.streams-per-client); close one, or resume it with "
                    + "Last-Event-ID after Retry-After");
            return;
        }
        if (!places.tryAcquire()) {
            giveBack(client);
            refuse(response, request, HttpStatus.SERVICE_UNAVAILABLE, "The gateway already holds " + total
                    + " event streams (gateway.limits.streams); try again after Retry-After");
            return;
        }
        // The proxy copies the stream on this thread, so the stream has ended, however it ended, when this returns.
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
            giveBack(client);
        }
    }

    int open() {
        return total - places.availablePermits();
    }

    private void giveBack(String client) {
        byClient.computeIfPresent(client, (key, streams) -> streams <= 1 ? null : streams - 1);
    }

    private static void refuse(HttpServletResponse response, HttpServletRequest request, HttpStatus status,
                               String detail) throws IOException {
        response.setHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
        Problems.write(response, status.value(), detail, request.getRequestURI());
    }
}
