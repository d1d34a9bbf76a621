package org.nianbao.intake.it;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A platform's webhook endpoint: a tiny local HTTP server recording every call it receives. */
final class WebhookReceiver implements AutoCloseable {
    record Call(String deliveryId, String body) {
    }

    private final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/hook", exchange -> {
            calls.add(new Call(exchange.getRequestHeaders().getFirst("X-Nianbao-Delivery"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    List<Call> callsFor(String submissionId) {
        return calls.stream().filter(c -> c.body().contains(submissionId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
