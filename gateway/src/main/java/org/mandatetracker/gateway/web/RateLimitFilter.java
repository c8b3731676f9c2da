package org.mandatetracker.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mandatetracker.gateway.GatewayProperties;
import org.mandatetracker.gateway.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code requestsPerMinute} tokens that refill evenly. A client is an address (behind a
 * trusted proxy, the one the proxy forwards), and the principal at that address when authenticated: the web
 * application calls with one read token for all its anonymous visitors, and they must not share one limit. A request finding the bucket empty
 * gets 429 with {@code Retry-After}. Buckets live in this instance's memory, so with several gateways the limit
 * applies per instance; a full bucket is the same as none, so full ones are dropped when there are many.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final int SWEEP_ABOVE = 10_000;

    private final double perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(GatewayProperties properties) {
        this.perMinute = properties.limits().requestsPerMinute();
    }

    private final class Bucket {
        private double tokens = perMinute;
        private long refilledAt = System.nanoTime();

        synchronized boolean take() {
            refill();
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }

        synchronized boolean full() {
            refill();
            return tokens >= perMinute;
        }

        private void refill() {
            long now = System.nanoTime();
            tokens = Math.min(perMinute, tokens + (now - refilledAt) / 60e9 * perMinute);
            refilledAt = now;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(Bucket::full);
        }
        if (buckets.computeIfAbsent(client(request), key -> new Bucket()).take()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, Math.round(60 / perMinute));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS.value(), "More than " + Math.round(perMinute)
                + " requests a minute from this client; wait " + retryAfter + " s (Retry-After), then send fewer "
                + "requests, at most " + Math.round(perMinute) + " a minute", request.getRequestURI());
    }

    int clients() {
        return buckets.size();
    }

    static String client(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String address = "address:" + request.getRemoteAddr();
        return authentication != null && authentication.isAuthenticated() && !"anonymousUser".equals(
                authentication.getName()) ? "principal:" + authentication.getName() + " at " + address : address;
    }
}
