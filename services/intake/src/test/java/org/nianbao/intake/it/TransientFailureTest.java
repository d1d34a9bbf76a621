package org.nianbao.intake.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.StageBatch;
import org.nianbao.testing.PostgresResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.nianbao.intake.it.SubmissionStatusTest.as;
import static org.nianbao.intake.it.SubmissionStatusTest.platform;
import static org.nianbao.intake.it.SubmissionStatusTest.report;
import static org.nianbao.intake.it.SubmissionStatusTest.status;

/** The database losing a consumer's connection mid-event is a transient failure: retried, not dead-lettered. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TransientFailureTest {

    @Inject
    @Any
    InMemoryConnector channels;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aConnectionKilledWhileAnEventIsAppliedIsRetriedAndTheEventApplied() throws Exception {
        String key = platform("transient-test", "");
        String id = as(key).contentType(ContentType.JSON)
                .body(Map.of("text", report("001.txt"), "agency", "重试测试局", "regionCode", "330902", "year", 2021))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        ReportParsed parsed = new ReportParsed("parsed:" + id + ":1", id, 1, "agency:t", SubmissionMetadata.empty(), null, Instant.now());
        CompletableFuture<Void> acked = new CompletableFuture<>();
        CompletableFuture<Void> nacked = new CompletableFuture<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("SELECT id FROM submission WHERE id = ? FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery().close();
            }
            // The consumer waits for the row lock; its connection is then terminated by the server.
            channels.source("parsed-in").send(StageBatch.of(Message.of(PipelineEvents.toJson(parsed), () -> {
                acked.complete(null);
                return CompletableFuture.completedFuture(null);
            }, e -> {
                nacked.complete(null);
                return CompletableFuture.completedFuture(null);
            })));
            await().atMost(Duration.ofSeconds(20)).until(() -> terminateWaiting(db) > 0);
            db.rollback();
        }
        acked.get(30, TimeUnit.SECONDS);
        assertThat(nacked).isNotDone();
        status(key, id).body("status", equalTo("PARSED"));
        assertThat(io.micrometer.core.instrument.Metrics.globalRegistry.find("nianbao.stage.retries").tag("stage", "intake-parsed")
                .counters()).as("the cycle retried").isNotEmpty();
    }

    @Test
    void aPostWhoseStoringLosesTheDatabaseAnswers503WithRetryAfterAndNothingIsStored() throws Exception {
        String key = platform("transient-post", "");
        Map<String, Object> body = Map.of("text", report("000.txt"), "agency", "单件重试测试局", "regionCode", "330902", "year", 2020);
        io.restassured.response.Response answer = whileAgencyLocked(agencyKey("单件重试测试局", 2020), () -> as(key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/submissions"));
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isNotBlank();
        // Nothing was stored: the same request again stores it now.
        as(key).contentType(ContentType.JSON).body(body).post("/api/v1/submissions").then().statusCode(202);
    }

    /** The test profile stores batches 2 items per transaction: the second chunk loses the database. */
    @Test
    void aBatchThatLosesTheDatabaseMidwayListsTheStoredItemsAndTheOthersAsNotStored() throws Exception {
        String key = platform("transient-batch", "");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder ndjson = new StringBuilder();
        String[] reports = {"000.txt", "001.txt", "000.txt", "001.txt", "000.txt"};
        for (int i = 0; i < reports.length; i++) {
            ndjson.append(json.writeValueAsString(Map.of("text", report(reports[i]), "agency", "批量重试测试" + i + "局",
                    "regionCode", "330902", "year", 2020))).append('\n');
        }
        byte[] batch = ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        io.restassured.response.Response answer = whileAgencyLocked(agencyKey("批量重试测试2局", 2020), () -> as(key)
                .contentType("application/x-ndjson").body(batch).post("/api/v1/submissions/batch"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("Retry-After")).isNotBlank();
        io.restassured.path.json.JsonPath result = answer.jsonPath();
        assertThat(result.getList("results.status", Integer.class)).containsExactly(202, 202, 503, 503, 503);
        assertThat(result.getList("results.stored", Boolean.class)).containsExactly(true, true, false, false, false);
        assertThat(result.getString("results[4].problem.detail")).startsWith("Not tried");
        assertThat(result.getInt("accepted")).isEqualTo(2);
        assertThat(result.getInt("notStored")).isEqualTo(3);
        List<String> stored = result.getList("results.findAll { it.stored }.id", String.class);
        assertThat(as(key).get("/api/v1/submissions").jsonPath().getList("id", String.class)).containsExactlyInAnyOrderElementsOf(stored);

        // Sending the whole batch again is safe: the stored items are recognised, the others are stored now.
        io.restassured.path.json.JsonPath again = as(key).contentType("application/x-ndjson").body(batch)
                .post("/api/v1/submissions/batch").then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("results.status", Integer.class)).containsExactly(200, 200, 202, 202, 202);
        assertThat(again.getList("results.id", String.class).subList(0, 2)).isEqualTo(stored);
    }

    @Test
    void aStoredSubmissionsEventIsSentOnceAndMarkedSent() throws Exception {
        String key = platform("outbox-test", "");
        String id = as(key).contentType(ContentType.JSON)
                .body(Map.of("text", report("001.txt"), "agency", "发件箱测试局", "regionCode", "330902", "year", 2021))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        var sink = channels.sink("submitted-out");
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.received().stream().anyMatch(m -> m.getPayload().toString().contains(id)));
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM outbox_event WHERE submission_id = ?"
                        + " AND sent_at IS NOT NULL AND claimed_until IS NULL")) {
                    q.setString(1, id);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        return rs.getInt(1) == 1;
                    }
                }
            });
        }
        Thread.sleep(1000);
        assertThat(sink.received().stream().filter(m -> m.getPayload().toString().contains(id))).hasSize(1);
    }

    /** The agency key intake computes for these metadata. */
    private static String agencyKey(String agency, int year) {
        return org.nianbao.intake.service.SubmissionFields.metadata(Map.of("agency", agency, "regionCode", "330902",
                "year", String.valueOf(year))).agencyKey();
    }

    /**
     * Runs a request while the agency's advisory lock (taken by intake's storing transaction) is held here, and
     * terminates the intake connection that waits for it: the database lost in the middle of storing.
     */
    private io.restassured.response.Response whileAgencyLocked(String agencyKey,
            java.util.concurrent.Callable<io.restassured.response.Response> request) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, agencyKey);
                lock.executeQuery().close();
            }
            CompletableFuture<io.restassured.response.Response> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return request.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> terminateWaiting(db) > 0);
            db.rollback();
            return answer.get(30, TimeUnit.SECONDS);
        }
    }

    /** Terminates the backends waiting for a lock held by this connection; returns how many. */
    private static int terminateWaiting(Connection db) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(pg_terminate_backend(pid))"
                + " FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
