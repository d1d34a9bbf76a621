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
import org.nianbao.testing.PostgresResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
            channels.source("parsed-in").send(Message.of(PipelineEvents.toJson(parsed), () -> {
                acked.complete(null);
                return CompletableFuture.completedFuture(null);
            }, e -> {
                nacked.complete(null);
                return CompletableFuture.completedFuture(null);
            }));
            await().atMost(Duration.ofSeconds(20)).until(() -> terminateWaiting(db) > 0);
            db.rollback();
        }
        acked.get(30, TimeUnit.SECONDS);
        assertThat(nacked).isNotDone();
        status(key, id).body("status", equalTo("PARSED"));
        assertThat(io.micrometer.core.instrument.Metrics.globalRegistry.find("nianbao.stage.retries").tag("stage", "intake-parsed")
                .counters()).as("the cycle retried").isNotEmpty();
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
