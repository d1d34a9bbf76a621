package org.nianbao.intake.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nianbao.events.EventTypes;
import org.nianbao.events.Headers;
import org.nianbao.events.PipelineEvent;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReportValidated;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.events.Topics;
import org.nianbao.intake.model.Stage;
import org.nianbao.intake.repository.SubmissionRepository;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.StageBatch;
import org.nianbao.model.Finding;
import org.nianbao.model.Severity;
import org.nianbao.testing.PostgresResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a platform sees of its submission while the pipeline's events arrive out of order and twice: the real HTTP
 * API, a real PostgreSQL, the channels in memory (each event is waited for until it is acknowledged).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SubmissionStatusTest {
    static final String ADMIN = "test-admin-token";
    static WebhookReceiver webhooks;

    @Inject
    @Any
    InMemoryConnector channels;

    @Inject
    SubmissionRepository submissions;

    @BeforeAll
    static void startWebhookReceiver() throws IOException {
        webhooks = new WebhookReceiver();
    }

    @AfterAll
    static void stopWebhookReceiver() {
        webhooks.close();
    }

    /** Registers a platform for every region, calling the test's webhook receiver; returns its API key. */
    static String platform(String id, String webhookUrl) {
        return RestAssured.given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("id", id, "regionPrefix", "", "webhookUrl", webhookUrl))
                .post("/admin/v1/platforms").then().statusCode(200).extract().path("apiKey");
    }

    static RequestSpecification as(String key) {
        return RestAssured.given().auth().oauth2(key);
    }

    static String report(String name) throws IOException {
        try (InputStream in = SubmissionStatusTest.class.getResourceAsStream("/reports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void eventsOutOfOrderAndTwiceShowTheNewestRoundPublishedAndOneWebhookPerDecision() throws Exception {
        String key = platform("status-test", webhooks.url());
        String id = as(key).contentType(ContentType.JSON)
                .body(Map.of("text", report("000.txt"), "agency", "状态测试局", "regionCode", "330902", "year", 2020))
                .post("/api/v1/submissions").then().statusCode(202).body("status", equalTo("RECEIVED"))
                .extract().path("id");
        String agencyKey = "agency:test";
        SubmissionMetadata meta = SubmissionMetadata.empty();
        ReportParsed parsed = new ReportParsed("parsed:" + id + ":1", id, 1, agencyKey, meta, null, Instant.now());
        ReportValidated round1 = ReportValidated.of(id, 1, agencyKey, meta, null, List.of(
                finding("R1", Severity.ERROR), finding("R2", Severity.WARNING)), 1, Instant.now());
        ReportValidated round2 = ReportValidated.of(id, 1, agencyKey, meta, null, List.of(
                finding("R3", Severity.WARNING), finding("R4", Severity.WARNING), finding("R5", Severity.WARNING)), 2, Instant.now());
        ReportPublished published1 = ReportPublished.of(round1, "report-" + id + "-v1", Instant.now());
        ReportPublished published2 = ReportPublished.of(round2, "report-" + id + "-v2", Instant.now());

        deliver("validated-in", round1);          // validated before parsed
        status(key, id).body("status", equalTo("VALIDATED")).body("errors", equalTo(1));
        deliver("parsed-in", parsed);             // late: changes nothing
        deliver("parsed-in", parsed);
        status(key, id).body("status", equalTo("VALIDATED"));
        deliver("published-in", published1);
        deliver("validated-in", round2);          // a newer round of a published submission
        deliver("validated-in", round1);          // an old round after a new one
        deliver("published-in", published1);      // redelivered
        deliver("published-in", published2);
        deliver("validated-in", round2);          // redelivered
        deliver("published-in", published1);      // old round after the new one
        deadLetter(Topics.DLQ_PUBLICATION, round1, "Failed to read any response from the server"); // after published
        deadLetter(Topics.DLQ_PUBLICATION, round1, "Failed to read any response from the server");

        JsonPath doc = status(key, id).body("status", equalTo("PUBLISHED")).extract().jsonPath();
        assertThat(doc.getString("failureReason")).isNull();
        assertThat(doc.getInt("validationRound")).isEqualTo(2);
        assertThat(doc.getInt("errors")).isZero();
        assertThat(doc.getInt("warnings")).isEqualTo(3);
        assertThat(doc.getList("findings.rule", String.class)).containsExactly("R3", "R4", "R5");
        assertThat(doc.getString("reportId")).isEqualTo("report-" + id + "-v2");
        List<Map<String, Object>> history = doc.getList("history");
        assertThat(history).extracting(h -> h.get("type")).containsExactly(
                EventTypes.VALIDATED, EventTypes.PARSED, EventTypes.PUBLISHED, EventTypes.VALIDATED, EventTypes.PUBLISHED,
                "dead-letter:" + EventTypes.VALIDATED);
        assertThat(history.get(1).get("applied")).as("the late parsed event").isEqualTo(false);
        assertThat(history.get(5).get("applied")).as("the dead letter after publication").isEqualTo(false);
        assertThat((String) history.get(5).get("detail")).startsWith("history only");

        // One call per decision: round 1 published, round 2 published; none for the redeliveries or the dead letter.
        await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.callsFor(id).size() >= 2);
        Thread.sleep(1000);
        assertThat(webhooks.callsFor(id)).extracting(WebhookReceiver.Call::deliveryId)
                .containsExactly(id + ":PUBLISHED:1", id + ":PUBLISHED:2");
    }

    @Test
    void theStatusGaugesCountTheSubmissionsInFlightApartFromThePublishedOnes() throws Throwable {
        Map<Stage, Long> before = VertxContextSupport.subscribeAndAwait(() -> submissions.countByStatus());
        String key = platform("gauge-test", webhooks.url());
        String id = as(key).contentType(ContentType.JSON)
                .body(Map.of("text", report("000.txt"), "agency", "计数测试局", "regionCode", "330902", "year", 2020))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");

        Map<Stage, Long> inFlight = VertxContextSupport.subscribeAndAwait(() -> submissions.countUnpublished());
        assertThat(inFlight).doesNotContainKey(Stage.PUBLISHED).containsKeys(Stage.PARSED, Stage.IN_REVIEW, Stage.FAILED);
        assertThat(inFlight.get(Stage.RECEIVED)).isEqualTo(before.get(Stage.RECEIVED) + 1);

        ReportValidated validated = ReportValidated.of(id, 1, "agency:gauge", SubmissionMetadata.empty(), null, List.of(), 1, Instant.now());
        deliver("validated-in", validated);
        deliver("published-in", ReportPublished.of(validated, "report-" + id, Instant.now()));
        status(key, id).body("status", equalTo("PUBLISHED"));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> submissions.countUnpublished()).get(Stage.RECEIVED))
                .isEqualTo(before.get(Stage.RECEIVED));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> submissions.countByStatus()).get(Stage.PUBLISHED))
                .isEqualTo(before.get(Stage.PUBLISHED) + 1);
    }

    @Test
    void aDeadLetterOfAStageNotPassedFailsTheSubmissionAndAReplayedOneMovesItOn() throws Exception {
        String key = platform("failure-test", webhooks.url());
        String id = as(key).contentType(ContentType.JSON)
                .body(Map.of("text", report("001.txt"), "agency", "失败测试局", "regionCode", "330902", "year", 2021))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        ReportParsed parsed = new ReportParsed("parsed:" + id + ":1", id, 1, "agency:f", SubmissionMetadata.empty(), null, Instant.now());
        deliver("parsed-in", parsed);
        deadLetter(Topics.DLQ_VALIDATION, parsed, "Failed to read any response from the server");
        status(key, id).body("status", equalTo("FAILED")).body("failureReason", equalTo("Failed to read any response from the server"));
        RestAssured.given().auth().oauth2(ADMIN).get("/ops/v1/pipeline").then().statusCode(200)
                .body("deadLetters.'" + Topics.DLQ_VALIDATION + "'", equalTo(1));

        // The dead letter is replayed and validation goes through this time.
        ReportValidated validated = ReportValidated.of(id, 1, "agency:f", SubmissionMetadata.empty(), null, List.of(), 1, Instant.now());
        deliver("validated-in", validated);
        status(key, id).body("status", equalTo("VALIDATED")).body("failureReason", equalTo(null));
        RestAssured.given().auth().oauth2(ADMIN).get("/ops/v1/pipeline").then().statusCode(200)
                .body("deadLetters.'" + Topics.DLQ_VALIDATION + "'", equalTo(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.callsFor(id).size() >= 1);
        assertThat(webhooks.callsFor(id)).hasSize(1).first().extracting(WebhookReceiver.Call::body).asString()
                .contains("\"status\":\"FAILED\"");
    }

    static Finding finding(String rule, Severity severity) {
        return Finding.of(rule, severity, List.of("a.b"), null, null, "中文", "English");
    }

    static io.restassured.response.ValidatableResponse status(String key, String id) {
        return as(key).get("/api/v1/submissions/" + id).then().statusCode(200);
    }

    /** Sends an event into a channel and waits until the stage cycle acknowledged it. */
    void deliver(String channel, PipelineEvent event) throws Exception {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        channels.source(channel).send(StageBatch.of(Message.of(PipelineEvents.toJson(event), () -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        })));
        acked.get(20, TimeUnit.SECONDS);
    }

    /** Sends a dead letter (the original event, the reason in its headers) as it comes from a dead-letter topic. */
    void deadLetter(String topic, PipelineEvent original, String reason) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.SUBMISSION_ID, original.submissionId().getBytes(StandardCharsets.UTF_8));
        headers.add(Headers.CE_ID, original.eventId().getBytes(StandardCharsets.UTF_8));
        headers.add(Headers.CE_TYPE, original.eventType().getBytes(StandardCharsets.UTF_8));
        headers.add(Headers.DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
        String json = PipelineEvents.toJson(original);
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0L, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                -1, -1, original.agencyKey(), json, headers, Optional.empty());
        CompletableFuture<Void> acked = new CompletableFuture<>();
        channels.source("failures-in").send(StageBatch.of(Message.of(json, () -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }).addMetadata(new IncomingKafkaRecordMetadata<>(record, "failures-in"))));
        acked.get(20, TimeUnit.SECONDS);
    }
}
