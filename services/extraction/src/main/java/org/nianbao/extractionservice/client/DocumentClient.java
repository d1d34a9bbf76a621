package org.nianbao.extractionservice.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nianbao.messaging.Transience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Intake's store of submitted documents, read over its internal API with the service token. One attempt per call:
 * a store that is away or overloaded is a {@link Transience.TransientFailure}, which the consumer cycle retries
 * with backoff; a document the store does not have is a permanent failure.
 */
@ApplicationScoped
public class DocumentClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Intake's service token for its internal document API. */
    @ConfigProperty(name = "nianbao.internal-token", defaultValue = "")
    String internalToken;

    public byte[] fetch(String url) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + internalToken).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Transience.TransientFailure("the document store did not answer at " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Transience.TransientFailure("interrupted while fetching " + url, e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        if (status == 404) {
            throw new Transience.PermanentFailure("the document is not in intake's store (" + url + ")");
        }
        if (status == 401 || status == 403) {
            throw new Transience.PermanentFailure("intake refused the service token (" + status + " at " + url
                    + "): give extraction the same NIANBAO_INTERNAL_TOKEN as intake");
        }
        throw new Transience.TransientFailure("the document store answered " + status + " at " + url, null);
    }
}
