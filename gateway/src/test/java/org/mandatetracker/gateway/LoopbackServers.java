package org.mandatetracker.gateway;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/** HTTP servers on loopback that stand in for the services behind the gateway. */
final class LoopbackServers {

    private LoopbackServers() {
    }

    /** Serves every path with {@code handler}, one exchange at a time. */
    static HttpServer start(HttpHandler handler) {
        return start(handler, null, 0);
    }

    /** Serves every path with {@code handler} on {@code executor}'s threads, with room for {@code backlog} waiting. */
    static HttpServer start(HttpHandler handler, Executor executor, int backlog) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), backlog);
            server.setExecutor(executor);
            server.createContext("/", handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
