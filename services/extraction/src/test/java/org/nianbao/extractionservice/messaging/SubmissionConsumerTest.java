package org.nianbao.extractionservice.messaging;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.events.AgencyKey;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportSubmitted;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.StageBatch;
import org.nianbao.model.IssuerType;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The extraction stage through its consumer cycle, with its channels in memory and intake's document store played
 * by a local HTTP server: what comes out for a document, what a store that is briefly away or a missing document does.
 */
@QuarkusTest
class SubmissionConsumerTest {
    private static HttpServer store;
    /** Per path: how many times the store answers 503 before it serves the document. */
    private static final Map<String, AtomicInteger> UNAVAILABLE = new ConcurrentHashMap<>();
    private static final List<String> TOKENS = new CopyOnWriteArrayList<>();
    private static byte[] seed;

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySource<Message<List<String>>> submitted;
    private InMemorySink<String> parsed;

    @BeforeAll
    static void startStore() throws IOException {
        try (InputStream in = SubmissionConsumerTest.class.getResourceAsStream("/seeds/004_8dd35ab5e340120f.txt")) {
            seed = in.readAllBytes();
        }
        store = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        store.createContext("/internal/v1/documents/", exchange -> {
            TOKENS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String path = exchange.getRequestURI().getPath();
            AtomicInteger failures = UNAVAILABLE.get(path);
            int status = path.endsWith("/missing") ? 404 : failures != null && failures.getAndDecrement() > 0 ? 503 : 200;
            byte[] body = status == 200 ? seed : new byte[0];
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        store.start();
    }

    @AfterAll
    static void stopStore() {
        store.stop(0);
    }

    @BeforeEach
    void channels() {
        submitted = connector.source("submitted-in");
        parsed = connector.sink("parsed-out");
        parsed.clear();
    }

    @Test
    void aSubmittedDocumentIsReadIntoOneParsedEventKeyedByItsAgency() {
        Outcome outcome = send(submittedEvent("s-read", "s-read"));

        await().atMost(Duration.ofSeconds(20)).until(() -> outcome.settled.isDone());
        assertThat(outcome.settled.join()).as("acknowledged").isNull();
        assertThat(parsed.received()).hasSize(1);
        ReportParsed event = PipelineEvents.read(parsed.received().get(0).getPayload(), ReportParsed.class);
        assertThat(event.eventId()).isEqualTo("parsed:s-read:1");
        assertThat(event.metadata().year()).as("the year, read from the document's title").isEqualTo(2020);
        assertThat(event.metadata().issuerType()).as("the platform's metadata kept").isEqualTo(IssuerType.COUNTY);
        assertThat(event.agencyKey()).isEqualTo(AgencyKey.of(null, event.metadata().agency()));
        assertThat(event.report().applications).isNotNull();
        assertThat(TOKENS).contains("Bearer test-token");
    }

    @Test
    void aDocumentThatTravelsInItsEventIsReadWithoutAskingTheStore() {
        int asked = TOKENS.size();
        ReportSubmitted event = PipelineEvents.read(submittedEvent("s-inline", "missing"), ReportSubmitted.class);
        ReportSubmitted inline = new ReportSubmitted(event.eventId(), event.submissionId(), event.revision(), event.agencyKey(),
                event.platform(), event.metadata(), event.document().with(seed), event.submittedAt());
        Outcome outcome = send(PipelineEvents.toJson(inline));

        await().atMost(Duration.ofSeconds(20)).until(() -> outcome.settled.isDone());
        assertThat(outcome.settled.join()).as("acknowledged").isNull();
        assertThat(PipelineEvents.read(parsed.received().get(0).getPayload(), ReportParsed.class).metadata().year()).isEqualTo(2020);
        assertThat(TOKENS).as("the store was not asked").hasSize(asked);
    }

    @Test
    void aDocumentStoreThatIsBrieflyAwayIsRetriedNotDeadLettered() {
        UNAVAILABLE.put("/internal/v1/documents/s-away", new AtomicInteger(2));
        Outcome outcome = send(submittedEvent("s-away", "s-away"));

        await().atMost(Duration.ofSeconds(20)).until(() -> outcome.settled.isDone());
        assertThat(outcome.settled.join()).as("acknowledged after the store came back").isNull();
        assertThat(parsed.received()).hasSize(1);
        assertThat(UNAVAILABLE.get("/internal/v1/documents/s-away").get()).as("503 twice, then served").isNegative();
    }

    @Test
    void aMissingDocumentIsDeadLetteredWithItsReasonAndTheStreamGoesOn() {
        Outcome missing = send(submittedEvent("s-missing", "missing"));
        Outcome next = send(submittedEvent("s-next", "s-next"));

        await().atMost(Duration.ofSeconds(20)).until(() -> missing.settled.isDone() && next.settled.isDone());
        assertThat(missing.settled.join()).as("nacked: to the dead-letter topic").isNotNull()
                .hasMessageContaining("not in intake's store");
        assertThat(next.settled.join()).as("the next record is read").isNull();
        assertThat(parsed.received()).hasSize(1);
    }

    @Test
    void aBatchIsReadInItsOrderAndOnlyItsFailingRecordIsDeadLettered() {
        List<Outcome> outcomes = sendBatch(submittedEvent("s-b1", "s-b1"), submittedEvent("s-b2", "missing"),
                "not json", submittedEvent("s-b3", "s-b3"), submittedEvent("s-b4", "s-b4"));

        await().atMost(Duration.ofSeconds(20)).until(() -> outcomes.stream().allMatch(o -> o.settled.isDone()));
        assertThat(outcomes.get(1).settled.join()).as("the missing document, dead-lettered").isNotNull()
                .hasMessageContaining("not in intake's store");
        assertThat(outcomes.get(2).settled.join()).as("the unreadable record, dead-lettered").isNotNull()
                .hasMessageContaining("not a valid ReportSubmitted");
        assertThat(List.of(outcomes.get(0), outcomes.get(3), outcomes.get(4))).as("the others, acknowledged")
                .allSatisfy(o -> assertThat(o.settled.join()).isNull());
        assertThat(parsed.received()).extracting(m -> PipelineEvents.read(m.getPayload(), ReportParsed.class).submissionId())
                .as("one event each, in the batch's order").containsExactly("s-b1", "s-b3", "s-b4");
    }

    @Test
    void aMalformedEventIsDeadLetteredAtOnce() {
        Outcome outcome = send("{\"submissionId\": [1, 2");

        await().atMost(Duration.ofSeconds(10)).until(() -> outcome.settled.isDone());
        assertThat(outcome.settled.join()).isNotNull().hasMessageContaining("not a valid ReportSubmitted");
        assertThat(parsed.received()).isEmpty();
    }

    private String submittedEvent(String submissionId, String documentPath) {
        SubmissionMetadata metadata = new SubmissionMetadata(null, null, "330902", IssuerType.COUNTY, null, null, null);
        ReportSubmitted event = ReportSubmitted.of(submissionId, 1, AgencyKey.ofSubmission(submissionId), "test", metadata,
                new ReportSubmitted.DocumentRef("report.txt", "text/plain", seed.length, AgencyKey.sha256(seed),
                        "http://localhost:" + store.getAddress().getPort() + "/internal/v1/documents/" + documentPath),
                Instant.now());
        return PipelineEvents.toJson(event);
    }

    /** Sends a record as a batch of its own; its future completes with null when acked, with the cause when nacked. */
    private Outcome send(String payload) {
        return sendBatch(payload).get(0);
    }

    /** Sends records as one batch; each one's future completes with null when acked, with the cause when nacked. */
    private List<Outcome> sendBatch(String... payloads) {
        List<Outcome> outcomes = new java.util.ArrayList<>();
        List<Message<String>> records = new java.util.ArrayList<>();
        for (String payload : payloads) {
            Outcome outcome = new Outcome();
            outcomes.add(outcome);
            records.add(Message.of(payload).withAck(() -> {
                outcome.settled.complete(null);
                return CompletableFuture.completedFuture(null);
            }).withNack(cause -> {
                outcome.settled.complete(cause);
                return CompletableFuture.completedFuture(null);
            }));
        }
        submitted.send(StageBatch.of(records));
        return outcomes;
    }

    private static final class Outcome {
        final CompletableFuture<Throwable> settled = new CompletableFuture<>();
    }
}
