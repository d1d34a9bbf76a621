package org.nianbao.reportctl;

import com.fasterxml.jackson.databind.JsonNode;
import org.nianbao.model.Json;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The intake admin API ({@code /admin/v1}) with the administrator token: the options and the calls. */
final class AdminApi {

    @Option(names = "--url", description = "intake URL (default: $NIANBAO_INTAKE_URL or http://localhost:8081)")
    String url;

    @Option(names = "--token", description = "administrator token (default: $NIANBAO_ADMIN_TOKEN)")
    String token;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    JsonNode get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    /** Sends a request (body: an object written as JSON, or null) and returns the JSON answer; fails with a clear message. */
    JsonNode send(String method, String path, Object body) throws IOException, InterruptedException {
        String base = url != null ? url : env("NIANBAO_INTAKE_URL", "http://localhost:8081");
        String adminToken = token != null ? token : env("NIANBAO_ADMIN_TOKEN", null);
        if (adminToken == null) {
            throw new IllegalArgumentException("no administrator token: pass --token or set NIANBAO_ADMIN_TOKEN");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/admin/v1" + path))
                .timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + adminToken)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new IOException("cannot reach the intake at " + base + " (is it running? set --url)");
        }
        JsonNode answer = response.body().isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(response.body());
        int status = response.statusCode();
        if (status / 100 != 2) {
            String detail = answer.path("detail").asText(response.body());
            String hint = switch (status) {
                case 401, 403 -> " (check --token or $NIANBAO_ADMIN_TOKEN)";
                default -> "";
            };
            throw new IOException("intake answered " + status + ": " + detail + hint);
        }
        return answer;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
