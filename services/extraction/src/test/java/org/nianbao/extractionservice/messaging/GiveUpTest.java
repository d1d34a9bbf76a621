package org.nianbao.extractionservice.messaging;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.nianbao.events.AgencyKey;
import org.nianbao.events.ReportSubmitted;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.StageBatch;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A document store that stays away longer than the stage's give-up time ({@code nianbao.stage.give-up-after}, 2 s
 * here): the record is retried until then, and dead-lettered with a reason that says so.
 */
@QuarkusTest
@TestProfile(GiveUpTest.ShortGiveUp.class)
class GiveUpTest {
    public static class ShortGiveUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nianbao.stage.give-up-after", "PT2S");
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aStoreAwayLongerThanTheGiveUpTimeIsDeadLetteredSayingSo() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer store = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        store.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        store.start();
        try {
            ReportSubmitted event = ReportSubmitted.of("s-gone", 1, AgencyKey.ofSubmission("s-gone"), "test",
                    SubmissionMetadata.empty(), new ReportSubmitted.DocumentRef("report.txt", "text/plain", 1, "x",
                            "http://localhost:" + store.getAddress().getPort() + "/internal/v1/documents/s-gone"), Instant.now());
            CompletableFuture<Throwable> settled = new CompletableFuture<>();
            InMemorySource<Message<List<String>>> submitted = connector.source("submitted-in");
            long start = System.nanoTime();
            submitted.send(StageBatch.of(Message.of(PipelineEvents.toJson(event)).withAck(() -> {
                settled.complete(null);
                return CompletableFuture.completedFuture(null);
            }).withNack(cause -> {
                settled.complete(cause);
                return CompletableFuture.completedFuture(null);
            })));

            await().atMost(Duration.ofSeconds(20)).until(settled::isDone);
            assertThat(settled.join()).as("dead-lettered").isNotNull()
                    .hasMessageContaining("still failing after 2 s of retries").hasMessageContaining("answered 503");
            assertThat(calls.get()).as("retried before giving up").isGreaterThan(2);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        } finally {
            store.stop(0);
        }
    }
}
