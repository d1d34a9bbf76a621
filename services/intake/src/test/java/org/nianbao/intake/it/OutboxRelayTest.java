package org.nianbao.intake.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.nianbao.intake.messaging.OutboxRelay;
import org.nianbao.testing.PostgresResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.nianbao.intake.it.SubmissionStatusTest.ADMIN;
import static org.nianbao.intake.it.SubmissionStatusTest.as;
import static org.nianbao.intake.it.SubmissionStatusTest.platform;
import static org.nianbao.intake.it.SubmissionStatusTest.report;
import static org.nianbao.intake.it.SubmissionStatusTest.status;

/**
 * The outbox relay drains the outbox chunk after chunk (the test profile: 200 rows a chunk, more than the emitter's default buffer, a tick once an hour, so
 * only wakes send), and a replay writes its rows chunk by chunk (3 a chunk) and wakes it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class OutboxRelayTest {

    @Inject
    @Any
    InMemoryConnector channels;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void oneWakeSendsEveryWaitingRowOnceChunkAfterChunkInTheirOrder() throws Exception {
        String marker = "drain-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement insert = db.prepareStatement("INSERT INTO outbox_event (id, topic, event_key, event_type,"
                     + " submission_id, payload, created_at) VALUES (?, 'report-submitted', 'agency:drain', 'test', ?, ?,"
                     + " now() + make_interval(secs => ?::double precision / 1000))")) {
            for (int i = 0; i < 450; i++) {
                String id = marker + "-" + i;
                ids.add(id);
                insert.setString(1, id);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, "{\"marker\":\"" + id + "\"}");
                insert.setInt(4, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        InMemorySink<String> sink = channels.sink("submitted-out");
        relay.wake();
        await().atMost(Duration.ofSeconds(20)).until(() -> payloads(sink, marker).size() >= 450);
        await().atMost(Duration.ofSeconds(10)).until(() -> unsent(marker) == 0);
        Thread.sleep(500);
        assertThat(payloads(sink, marker)).containsExactlyElementsOf(ids.stream().map(id -> "{\"marker\":\"" + id + "\"}").toList());
    }

    @Test
    void aReplayWritesItsRowsChunkByChunkAndTheyAreSent() throws Exception {
        String key = platform("replay-test", "");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(as(key).contentType(ContentType.JSON)
                    .body(Map.of("text", report(i % 2 == 0 ? "000.txt" : "001.txt"), "agency", "重放测试" + i + "局",
                            "regionCode", "330902", "year", 2023))
                    .post("/api/v1/submissions").then().statusCode(202).extract().<String>path("id"));
        }
        InMemorySink<String> sink = channels.sink("submitted-out");
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> sent(sink, id) == 1));

        // answered at once with the job, which is then followed to its end
        var started = RestAssured.given().auth().oauth2(ADMIN).queryParam("platform", "replay-test")
                .post("/admin/v1/replay").then().statusCode(202).extract();
        String job = started.path("id");
        assertThat(started.header("Location")).endsWith("/admin/v1/replays/" + job);
        assertThat(started.<String>path("filter.platform")).isEqualTo("replay-test");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(replayJob(job).getString("state")));
        List<String> sorted = ids.stream().sorted().toList();
        assertThat(replayJob(job).getInt("replayed")).isEqualTo(7);
        assertThat(replayJob(job).getString("lastSubmissionId")).isEqualTo(sorted.get(6));
        assertThat(replayJob(job).getString("finishedAt")).isNotNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> sent(sink, id) == 2));
        // a replay goes on after a given submission: the three after the fourth
        String rest = RestAssured.given().auth().oauth2(ADMIN).queryParam("platform", "replay-test").queryParam("after", sorted.get(3))
                .post("/admin/v1/replay").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(replayJob(rest).getString("state")));
        assertThat(replayJob(rest).getInt("replayed")).isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> sorted.subList(4, 7).stream().allMatch(id -> sent(sink, id) == 3));
        assertThat(sorted.subList(0, 4)).allSatisfy(id -> assertThat(sent(sink, id)).isEqualTo(2));
        RestAssured.given().auth().oauth2(ADMIN).get("/admin/v1/replays/replay-unknown").then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.startsWith("No replay replay-unknown"));
        await().atMost(Duration.ofSeconds(10)).until(() -> unsent("submitted:") == 0);
        for (String id : ids) {
            status(key, id).body("status", org.hamcrest.Matchers.equalTo("RECEIVED"));
        }
        // a small document travels in each of its events, the first and the replayed ones, as it was posted
        String first = sorted.get(0);
        byte[] posted = report(ids.indexOf(first) % 2 == 0 ? "000.txt" : "001.txt").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<org.nianbao.events.ReportSubmitted> events = sink.received().stream()
                .map(m -> org.nianbao.messaging.PipelineEvents.read(String.valueOf(m.getPayload()), org.nianbao.events.ReportSubmitted.class))
                .filter(e -> first.equals(e.submissionId())).toList();
        assertThat(events).hasSize(2).allSatisfy(e -> {
            assertThat(e.document().content()).isEqualTo(posted);
            assertThat(e.document().url()).as("still fetchable").endsWith("/internal/v1/documents/" + first);
        });
    }

    private static io.restassured.path.json.JsonPath replayJob(String id) {
        return RestAssured.given().auth().oauth2(ADMIN).get("/admin/v1/replays/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> payloads(InMemorySink<String> sink, String marker) {
        return sink.received().stream().map(m -> String.valueOf(m.getPayload())).filter(p -> p.contains(marker)).toList();
    }

    private static long sent(InMemorySink<String> sink, String submissionId) {
        return sink.received().stream().filter(m -> String.valueOf(m.getPayload()).contains("\"submissionId\":\"" + submissionId + "\"")).count();
    }

    private int unsent(String idPrefix) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement q = db.prepareStatement("SELECT count(*) FROM outbox_event WHERE id LIKE ? AND (sent_at IS NULL"
                     + " OR claimed_until IS NOT NULL)")) {
            q.setString(1, idPrefix + "%");
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
