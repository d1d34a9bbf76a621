package org.nianbao.intake.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nianbao.model.Json;
import org.nianbao.model.Report;
import org.nianbao.web.ProblemException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The extraction service's synchronous reading ({@code POST /api/v1/extract}), for a draft check: the document is read
 * where every document is read, within the same limits. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class ExtractionClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "nianbao.extraction-url")
    String extractionUrl;

    /** The report the document holds; a ProblemException 422 when it cannot be read, 503 when extraction is away. */
    public Report extract(byte[] document, String fileName) {
        String url = extractionUrl + "/api/v1/extract" + (fileName == null ? "" : "?fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8));
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(document)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable("did not answer (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("was interrupted");
        }
        try {
            if (response.statusCode() == 200) {
                return Json.mapper().readValue(response.body(), Report.class);
            }
            if (response.statusCode() == 422) {
                JsonNode problem = Json.mapper().readTree(response.body());
                throw new ProblemException(422, "Unreadable document", problem.path("detail").asText("The document could not be read."));
            }
        } catch (IOException e) {
            throw unavailable("answered what is not a report (" + e.getMessage() + ")");
        }
        throw unavailable("answered " + response.statusCode());
    }

    private static ProblemException unavailable(String what) {
        return new ProblemException(503, "Service Unavailable", "The extraction service " + what + ": the document could not be"
                + " checked now; try again in a moment.");
    }
}
