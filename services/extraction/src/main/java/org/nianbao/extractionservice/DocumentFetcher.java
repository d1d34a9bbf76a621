package org.nianbao.extractionservice;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetches a stored document from intake, retrying with backoff while intake is briefly away. */
@ApplicationScoped
public class DocumentFetcher {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "nianbao.fetch.attempts", defaultValue = "5")
    int attempts;

    /** Intake's service token for its internal document API. */
    @ConfigProperty(name = "nianbao.internal-token", defaultValue = "")
    String internalToken;

    public byte[] fetch(String url) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + internalToken).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                if (response.statusCode() == 404) {
                    throw new IOException("document not found at " + url);
                }
                last = new IOException("document fetch answered " + response.statusCode() + " at " + url);
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(Math.min(8000, 250L << attempt));
        }
        throw new IOException("could not fetch the document after " + attempts + " attempts: " + last.getMessage(), last);
    }
}
