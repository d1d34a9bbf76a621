package org.nianbao.intake.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.nianbao.events.PipelineEvent;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReportValidated;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.StageBatch;
import org.nianbao.model.Severity;
import org.nianbao.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.nianbao.intake.it.SubmissionStatusTest.as;
import static org.nianbao.intake.it.SubmissionStatusTest.finding;
import static org.nianbao.intake.it.SubmissionStatusTest.platform;
import static org.nianbao.intake.it.SubmissionStatusTest.report;
import static org.nianbao.intake.it.SubmissionStatusTest.status;

/**
 * One batch of many events, as a Kafka poll brings them: several submissions, two events of one submission, an
 * unknown submission and a duplicate, applied in one transaction in their order; the same batch again changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class StageBatchTest {

    @Inject
    @Any
    InMemoryConnector channels;

    @Test
    void aBatchOfManyEventsAppliesEachInOrderOnceAndSkipsTheUnknown() throws Exception {
        try (WebhookReceiver webhooks = new WebhookReceiver()) {
            check(webhooks);
        }
    }

    private void check(WebhookReceiver webhooks) throws Exception {
        String key = platform("stage-batch", webhooks.url());
        String a = submit(key, "000.txt", "批次甲局");
        String b = submit(key, "001.txt", "批次乙局");
        String c = submit(key, "000.txt", "批次丙局");
        String unknown = UUID.randomUUID().toString();
        SubmissionMetadata meta = SubmissionMetadata.empty();
        ReportValidated a1 = ReportValidated.of(a, 1, "agency:a", meta, null, List.of(finding("R1", Severity.ERROR)), 1, Instant.now());
        ReportValidated a2 = ReportValidated.of(a, 1, "agency:a", meta, null, List.of(finding("R2", Severity.WARNING)), 2, Instant.now());
        ReportValidated b1 = ReportValidated.of(b, 1, "agency:b", meta, null, List.of(), 1, Instant.now());
        ReportValidated c1 = ReportValidated.of(c, 1, "agency:c", meta, null, List.of(finding("R3", Severity.ERROR)), 1, Instant.now());
        ReportValidated x1 = ReportValidated.of(unknown, 1, "agency:x", meta, null, List.of(), 1, Instant.now());
        List<PipelineEvent> validated = List.of(c1, a1, x1, b1, a2, c1);
        deliver("validated-in", validated);

        JsonPath docA = status(key, a).extract().jsonPath();
        assertThat(docA.getString("status")).isEqualTo("VALIDATED");
        assertThat(docA.getInt("validationRound")).isEqualTo(2);
        assertThat(docA.getList("findings.rule", String.class)).containsExactly("R2");
        assertThat(docA.getList("history.detail", String.class)).containsExactly("VALIDATED (round 1)", "findings of round 2, still VALIDATED");
        assertThat(status(key, b).extract().jsonPath().getString("status")).isEqualTo("VALIDATED");
        JsonPath docC = status(key, c).extract().jsonPath();
        assertThat(docC.getInt("errors")).isEqualTo(1);
        assertThat(docC.getList("history")).as("the duplicate is recorded once").hasSize(1);

        ReportPublished pa1 = ReportPublished.of(a1, "report-" + a + "-v1", Instant.now());
        ReportPublished pa2 = ReportPublished.of(a2, "report-" + a + "-v2", Instant.now());
        ReportPublished pb1 = ReportPublished.of(b1, "report-" + b + "-v1", Instant.now());
        List<PipelineEvent> published = List.of(pa1, pb1, ReportPublished.of(x1, "report-x", Instant.now()), pa2, pb1);
        deliver("published-in", published);
        // The same batches again (a redelivery): nothing changes.
        deliver("validated-in", validated);
        deliver("published-in", published);

        docA = status(key, a).extract().jsonPath();
        assertThat(docA.getString("status")).isEqualTo("PUBLISHED");
        assertThat(docA.getString("reportId")).isEqualTo("report-" + a + "-v2");
        assertThat(docA.getList("history.type", String.class)).hasSize(4);
        JsonPath docB = status(key, b).extract().jsonPath();
        assertThat(docB.getString("status")).isEqualTo("PUBLISHED");
        assertThat(docB.getList("history")).hasSize(2);
        assertThat(status(key, c).extract().jsonPath().getList("history")).hasSize(1);

        // One call per decision, each telling what the submission was when decided (round 1, then round 2).
        await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.callsFor(a).size() >= 2 && webhooks.callsFor(b).size() >= 1);
        Thread.sleep(500);
        assertThat(webhooks.callsFor(a)).extracting(WebhookReceiver.Call::deliveryId).containsExactly(a + ":PUBLISHED:1", a + ":PUBLISHED:2");
        assertThat(webhooks.callsFor(a).get(0).body()).contains("report-" + a + "-v1");
        assertThat(webhooks.callsFor(a).get(1).body()).contains("report-" + a + "-v2");
        assertThat(webhooks.callsFor(b)).hasSize(1);
    }

    /**
     * An event that can never be stored (its id is longer than the history allows) fails its batch for good: the
     * batch is then handled one event at a time, and only that record is dead-lettered; the others are applied.
     */
    @Test
    void onlyTheRecordThatFailsForGoodIsDeadLettered() throws Exception {
        String key = platform("stage-batch-dlq", "");
        String a = submit(key, "000.txt", "批次死信甲局");
        String b = submit(key, "001.txt", "批次死信乙局");
        ReportParsed good1 = new ReportParsed("parsed:" + a + ":1", a, 1, "agency:a", SubmissionMetadata.empty(), null, Instant.now());
        ReportParsed bad = new ReportParsed("x".repeat(400), b, 1, "agency:b", SubmissionMetadata.empty(), null, Instant.now());
        List<CompletableFuture<Boolean>> settled = new ArrayList<>();
        List<Message<String>> records = new ArrayList<>();
        for (ReportParsed event : List.of(good1, bad)) {
            CompletableFuture<Boolean> outcome = new CompletableFuture<>();
            settled.add(outcome);
            records.add(Message.of(PipelineEvents.toJson(event), () -> {
                outcome.complete(true);
                return CompletableFuture.completedFuture(null);
            }, e -> {
                outcome.complete(false);
                return CompletableFuture.completedFuture(null);
            }));
        }
        channels.source("parsed-in").send(StageBatch.of(records));
        assertThat(settled.get(0).get(30, TimeUnit.SECONDS)).as("the good record is acknowledged").isTrue();
        assertThat(settled.get(1).get(30, TimeUnit.SECONDS)).as("the bad record is dead-lettered").isFalse();
        assertThat(status(key, a).extract().jsonPath().getString("status")).isEqualTo("PARSED");
        assertThat(status(key, b).extract().jsonPath().getString("status")).isEqualTo("RECEIVED");
    }

    private static String submit(String key, String report, String agency) throws Exception {
        return as(key).contentType(ContentType.JSON)
                .body(Map.of("text", report(report), "agency", agency, "regionCode", "330902", "year", 2022))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
    }

    /** Sends the events as one batch and waits until every record was acknowledged. */
    private void deliver(String channel, List<PipelineEvent> events) throws Exception {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        List<Message<String>> records = new ArrayList<>();
        for (PipelineEvent event : events) {
            CompletableFuture<Void> acked = new CompletableFuture<>();
            acks.add(acked);
            records.add(Message.of(PipelineEvents.toJson(event), () -> {
                acked.complete(null);
                return CompletableFuture.completedFuture(null);
            }));
        }
        channels.source(channel).send(StageBatch.of(records));
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    }
}
