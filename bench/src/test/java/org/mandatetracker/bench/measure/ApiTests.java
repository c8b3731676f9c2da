package org.mandatetracker.bench.measure;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTests {

    @Test
    void aWriteWhoseConnectionClosesBeforeAnyAnswerIsSentOnceMore() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger requests = new AtomicInteger();
            Thread serving = new Thread(() -> {
                try {
                    try (Socket first = server.accept()) {
                        readRequest(first.getInputStream());
                        requests.incrementAndGet();
                    }
                    try (Socket second = server.accept()) {
                        readRequest(second.getInputStream());
                        requests.incrementAndGet();
                        OutputStream out = second.getOutputStream();
                        out.write("HTTP/1.1 201 Created\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (Exception ignored) {
                    // the test's assertions say what went wrong
                }
            });
            serving.setDaemon(true);
            serving.start();
            Api api = new Api(Api.newClient(), "http://127.0.0.1:" + server.getLocalPort(), "");
            AtomicInteger again = new AtomicInteger();

            HttpResponse<String> response = api.postAsyncAgainIfClosed("/writes", "{\"id\": \"w1\"}",
                    again::incrementAndGet).get(30, TimeUnit.SECONDS);

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(again).hasValue(1);
            assertThat(requests).hasValue(2);
            serving.join(5_000);
        }
    }

    @Test
    void aRefusedConnectionIsNotSentAgain() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Api api = new Api(Api.newClient(), "http://127.0.0.1:" + closedPort, "");
        AtomicInteger again = new AtomicInteger();

        assertThatThrownBy(() -> api.postAsyncAgainIfClosed("/writes", "{}", again::incrementAndGet)
                .get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConnectException.class);
        assertThat(again).hasValue(0);
    }

    /** Reads up to the end of the headers and the body its Content-Length announces. */
    private static void readRequest(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.append((char) b);
        }
        String lengthHeader = head.toString().lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .findFirst().orElse("content-length: 0");
        in.readNBytes(Integer.parseInt(lengthHeader.substring(lengthHeader.indexOf(':') + 1).trim()));
    }
}
