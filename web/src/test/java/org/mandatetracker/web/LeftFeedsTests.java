package org.mandatetracker.web;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A browser that leaves the live recommendations page ends its feed here and the stream that feed holds at the
 * gateway (which has a bounded number of them), even while no recommendation arrives; only the API's keep-alive does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeftFeedsTests {

    private static final CountDownLatch end = new CountDownLatch(1);
    private static final AtomicInteger hungUp = new AtomicInteger();
    private static final HttpServer gateway = gateway();

    @LocalServerPort
    int port;

    /** A gateway whose stream says it is subscribed, then sends only keep-alive comments, every 100 ms. */
    private static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/recommendations/stream", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(":subscribed\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    while (!end.await(100, TimeUnit.MILLISECONDS)) {
                        out.write(":keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException webHungUp) {
                    hungUp.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void gatewayUrl(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", () -> "http://127.0.0.1:" + gateway.getAddress().getPort());
    }

    @AfterAll
    static void stopGateway() {
        end.countDown();
        gateway.stop(0);
    }

    @Test
    void aBrowserThatLeavesEndsItsFeedAndItsStreamAtTheGateway() throws Exception {
        try (Socket browser = new Socket("127.0.0.1", port)) {
            browser.setSoTimeout(10_000);
            browser.getOutputStream().write(("GET /recommendations/stream?body=b-1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(browser.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(reader.readLine()).startsWith("HTTP/1.1 200");
            String line = reader.readLine();
            while (line != null && !line.contains("following")) {
                line = reader.readLine();
            }
            assertThat(line).as("the feed opened").isNotNull();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hungUp).hasValue(1));
    }
}
