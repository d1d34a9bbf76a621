package org.nianbao.intake.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nianbao.model.Json;
import org.nianbao.model.Report;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** What is published, read through publication's public API: an agency's report of a year, for the cross-year rules. */
@ApplicationScoped
public class PublicationClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "nianbao.publication-url")
    String publicationUrl;

    /** A published report of an agency: its id and model. */
    public record Published(String reportId, Report report) {
    }

    /** Thrown when publication cannot be asked: the check goes on without what is published, and says so. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** The agency's published report of that year, if any. Blocking. */
    public Optional<Published> report(String agencyKey, int year) {
        JsonNode series = get("/api/v1/agencies/" + URLEncoder.encode(agencyKey, StandardCharsets.UTF_8).replace("+", "%20") + "/series");
        if (series == null) {
            return Optional.empty();
        }
        for (JsonNode y : series.path("years")) {
            if (y.path("year").asInt() == year && y.hasNonNull("reportId")) {
                String id = y.get("reportId").asText();
                JsonNode detail = get("/api/v1/reports/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
                return detail == null ? Optional.empty() : Optional.of(new Published(id, Json.mapper().convertValue(detail, Report.class)));
            }
        }
        return Optional.empty();
    }

    /** The JSON at a path, null when it is not there (404). */
    private JsonNode get(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(publicationUrl + path)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new Unavailable("publication answered " + response.statusCode());
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new Unavailable("publication did not answer (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        } catch (IllegalArgumentException e) {
            throw new Unavailable(e.getMessage());
        }
    }
}
