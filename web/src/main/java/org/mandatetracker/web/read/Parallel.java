package org.mandatetracker.web.read;

import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs a page's independent API calls at once, each as the person signed in, for the same visitor, so a page waits for its slowest call
 * rather than for the sum of them.
 */
@Component
public class Parallel {

    private final ExecutorService calls =
            new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(16));

    /** The call runs with the request's attributes too (the visitor's address), as the page waits for it. */
    public <T> CompletableFuture<T> start(Supplier<T> call) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return CompletableFuture.supplyAsync(() -> {
            RequestContextHolder.setRequestAttributes(request);
            try {
                return call.get();
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
        }, calls);
    }

    /** The call's answer; its failure (an {@code ApiProblem}, say) is thrown as it was. */
    public <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }
}
