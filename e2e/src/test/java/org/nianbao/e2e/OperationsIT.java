package org.nianbao.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nianbao.reportctl.ReportCtl;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

/**
 * What operators do: watch the topics, find a dead letter and its reason, replay it after the fix, and
 * see the report published exactly once.
 */
class OperationsIT {
    private static StackFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = StackFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Runs reportctl in this JVM and returns what it printed on stdout. */
    private static String reportctl(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int rc = ReportCtl.commandLine().execute(args);
            assertThat(rc).as("reportctl %s", String.join(" ", args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDeadLetterIsListedWithItsReasonAndPublishedOnceAfterReplay() throws Exception {
        String bootstrap = "--bootstrap=" + fixture.stack.bootstrapServers();
        // The extraction service cannot fetch the document while intake is down: the record ends as a dead letter.
        fixture.stack.service("extraction").stop();
        String id = fixture.submitText(StackFixture.seed("000_27b80aaf8e404846.txt"), Map.of("agency", "死信测试局", "year", 2020));
        Thread.sleep(2500); // the outbox relay sends report-submitted within a second or two
        fixture.stack.service("intake").stop();
        fixture.stack.startService("extraction");
        fixture.stack.awaitService("extraction");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() ->
                reportctl("dlq", "list", bootstrap).contains(id));
        String listed = reportctl("dlq", "list", "--topic=report-submitted-extraction-dlq", bootstrap);
        assertThat(listed).contains(id).contains("could not fetch the document").contains("from report-submitted");

        // Intake comes back and shows the submission FAILED with the reason.
        fixture.stack.startService("intake");
        fixture.stack.awaitService("intake");
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(status(id).get("status")));
        assertThat((String) status(id).get("failureReason")).contains("could not fetch the document");

        // After the fix, the operator replays it: it is published, exactly once, and not replayed twice.
        assertThat(reportctl("dlq", "replay", "--topic=report-submitted-extraction-dlq", bootstrap))
                .contains("1 dead letter(s) replayed");
        String reportId = fixture.awaitPublished(id, Duration.ofSeconds(90)).path("reportId");
        assertThat(reportctl("dlq", "replay", "--topic=report-submitted-extraction-dlq", bootstrap))
                .contains("0 dead letter(s) replayed");
        assertThat(reportctl("dlq", "list", "--topic=report-submitted-extraction-dlq", bootstrap)).contains("[replayed]");
        RestAssured.given().baseUri(fixture.publication()).get("/api/v1/reports/" + reportId)
                .then().statusCode(200).body("revisions", hasSize(1));
        RestAssured.given().baseUri(fixture.publication()).get("/api/v1/reports?agency=死信测试局")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void watchPrintsOneReadableLinePerEvent() throws Exception {
        String id = fixture.submitText(StackFixture.seed("004_8dd35ab5e340120f.txt"), Map.of("agency", "观察测试局", "year", 2020));
        fixture.awaitPublished(id, Duration.ofSeconds(90));
        String bootstrap = "--bootstrap=" + fixture.stack.bootstrapServers();
        String validated = reportctl("watch", "report-validated", "--from-beginning", "--submission=" + id, "--timeout=5", bootstrap);
        assertThat(validated.lines().toList()).hasSize(1);
        assertThat(validated).contains("VALIDATED").contains(id).contains("观察测试局").contains("2020").contains("findings:");
        String parsedJson = reportctl("watch", "report-parsed", "--from-beginning", "--agency=观察测试局", "--json", "--max=1", bootstrap);
        assertThat(parsedJson).startsWith("{").contains("\"submissionId\":\"" + id + "\"");
    }

    @Test
    void metricsAndThePipelineStatusShowTheFlow() throws Exception {
        String id = fixture.submitText(StackFixture.seed("001_43d6c315cbc0f57d.txt"), Map.of("agency", "指标测试局", "year", 2021));
        fixture.awaitPublished(id, Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.given().baseUri(fixture.intake())
                .get("/ops/v1/pipeline").then().statusCode(200)
                .body("stages.stage", org.hamcrest.Matchers.contains("extraction", "validation", "publication", "intake-status"))
                .body("stages.find { it.stage == 'validation' }.backlog", org.hamcrest.Matchers.equalTo(0))
                .body("submissions.PUBLISHED", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("deadLetters", org.hamcrest.Matchers.hasKey("report-parsed-validation-dlq")));
        String metrics = RestAssured.given().baseUri(fixture.stack.service("validation").url()).get("/q/metrics").asString();
        assertThat(metrics).contains("nianbao_events_consumed_total{topic=\"report-parsed\"}")
                .contains("nianbao_events_produced_total{topic=\"report-validated\"}")
                .contains("nianbao_stage_duration_seconds_count{stage=\"validation\"}")
                .contains("kafka_consumer_fetch_manager_records_lag");
        assertThat(RestAssured.given().baseUri(fixture.intake()).get("/q/metrics").asString())
                .contains("nianbao_submissions{status=\"PUBLISHED\"}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(String id) {
        return RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.API_KEY)
                .get("/api/v1/submissions/" + id).as(Map.class);
    }
}
