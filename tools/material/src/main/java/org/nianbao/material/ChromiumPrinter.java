package org.nianbao.material;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nianbao.model.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chromium's print to PDF (the same as {@code chromium --headless --print-to-pdf}), for many pages in one browser:
 * headless Chromium started once, each page loaded in one tab and printed through the DevTools protocol
 * ({@code Page.printToPDF}), which saves the browser's start-up (seconds) per page.
 */
final class ChromiumPrinter implements AutoCloseable {
    private final Process browser;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> loads = new ConcurrentHashMap<>();
    private final String session;

    ChromiumPrinter() throws IOException, InterruptedException {
        profile = Files.createTempDirectory("nianbao-chromium");
        browser = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String endpoint = null;
        BufferedReader err = new BufferedReader(new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8));
        for (String line; endpoint == null && (line = err.readLine()) != null; ) {
            int at = line.indexOf("ws://");
            if (line.startsWith("DevTools listening on") && at > 0) {
                endpoint = line.substring(at).strip();
            }
        }
        if (endpoint == null) {
            browser.destroyForcibly();
            throw new IOException("Chromium did not open its DevTools endpoint");
        }
        Thread drain = new Thread(() -> {
            try {
                err.lines().forEach(l -> { });
            } catch (java.io.UncheckedIOException closed) {
                // the browser was stopped
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(endpoint), new Listener()).join();
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId").asText();
        call(session, "Page.enable", Map.of());
    }

    /** Loads a page and prints it as Chromium's print dialog does (A4 from the page's CSS, header and footer optional). */
    void print(Path html, Path pdf, boolean headerFooter) throws IOException {
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        loads.put(session, loaded);
        call(session, "Page.navigate", Map.of("url", html.toUri().toString()));
        try {
            loaded.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("Chromium did not load " + html, e);
        }
        JsonNode result = call(session, "Page.printToPDF", Map.of("displayHeaderFooter", headerFooter,
                "printBackground", true, "preferCSSPageSize", true));
        Files.write(pdf, Base64.getDecoder().decode(result.get("data").asText()));
    }

    private JsonNode call(String sessionId, String method, Map<String, Object> params) throws IOException {
        int id = ids.incrementAndGet();
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", Json.mapper().valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode reply = answer.get(60, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IOException("Chromium: " + method + ": " + reply.get("error"));
            }
            return reply.get("result");
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Chromium did not answer " + method, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser is stopped below anyway
        }
        List<ProcessHandle> children = browser.descendants().toList();
        browser.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        // the browser's helpers may still be removing their own files: try again before giving up
        for (int attempt = 1; ; attempt++) {
            try {
                Converters.deleteTree(profile);
                return;
            } catch (IOException | java.io.UncheckedIOException e) {
                if (attempt == 3) {
                    throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode m = Json.mapper().readTree(text.toString());
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                        if (f != null) {
                            f.complete(m);
                        }
                    } else if ("Page.loadEventFired".equals(m.path("method").asText())) {
                        CompletableFuture<Void> f = loads.remove(m.path("sessionId").asText());
                        if (f != null) {
                            f.complete(null);
                        }
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
