package org.mandatetracker.bench.measure;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One service, called directly as the gateway would: with the internal secret, so the gateway's rate limit does
 * not cap the load.
 */
public final class Api {

    public static final String INTERNAL_SECRET_HEADER = "X-Internal-Secret";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String baseUrl;
    private final String secret;

    public Api(HttpClient http, String baseUrl, String secret) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.secret = secret;
    }

    public static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        if (secret != null && !secret.isEmpty()) {
            builder.header(INTERNAL_SECRET_HEADER, secret);
        }
        return builder;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose body is read and thrown away; answers whether it was a 2xx. */
    public boolean getOk(String path) throws IOException, InterruptedException {
        return ok(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(postRequest(path, json), HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> postAsync(String path, String json) {
        return http.sendAsync(postRequest(path, json), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A POST sent once more if the service closed its connection before any answer (an end of stream where the
     * answer should be), as a careful client would after the race between a reused keep-alive connection and the
     * service closing it. Only for a write that carries an id the client chose, which the service records again as
     * no change. Nothing else is sent again, so an overloaded service is not offered more than it was: in a 1M run
     * on a slow machine, sending again on any broken connection added 5,500 writes to 120,000 at 200/s.
     */
    public CompletableFuture<HttpResponse<String>> postAsyncAgainIfClosed(String path, String json, Runnable onAgain) {
        return postAsync(path, json).exceptionallyCompose(error -> {
            if (!(rootCause(error) instanceof EOFException)) {
                return CompletableFuture.failedFuture(error);
            }
            onAgain.run();
            return postAsync(path, json);
        });
    }

    static Throwable rootCause(Throwable error) {
        return error.getCause() == null ? error : rootCause(error.getCause());
    }

    private HttpRequest postRequest(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    public static boolean ok(int status) {
        return status >= 200 && status < 300;
    }
}
