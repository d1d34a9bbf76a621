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
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.nianbao.devstack.EmbeddedDatabase;
import org.nianbao.events.Headers;
import org.nianbao.events.ReportValidated;
import org.nianbao.events.Topics;
import org.nianbao.model.Json;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

/**
 * What operators do: watch the topics, find a dead letter and its reason, replay it after the fix, and
 * see the report published exactly once; follow one submission's trace across the services (the stack runs
 * with tracing on, exporting nowhere).
 */
class OperationsIT {
    private static StackFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = StackFixture.start(stack -> stack.environment(Map.of(
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                // spans go to a port where nothing listens (the exporter's complaints are silenced)
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:1",
                "QUARKUS_LOG_CATEGORY__IO_QUARKUS_OPENTELEMETRY_RUNTIME_EXPORTER__LEVEL", "OFF",
                "NIANBAO_SWEEP_CROSS_YEAR_EVERY", "2s",
                "NIANBAO_SWEEP_CROSS_YEAR_DELAY", "5s"))
                // extraction gives up on a document store that stays away after 5 s of retries (default 10 minutes)
                .environment("extraction", Map.of("NIANBAO_STAGE_GIVE_UP_AFTER", "PT5S"))
                // every document is fetched from intake's store, as one over 256 KiB is (small ones travel in their event)
                .environment("intake", Map.of("NIANBAO_OUTBOX_INLINE_DOCUMENT_MAX_BYTES", "0")));
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
        // The extraction service cannot fetch the document while intake is down: retried, then (after 5 s here) a dead letter.
        fixture.stack.service("extraction").stop();
        String id = fixture.submitText(StackFixture.seed("000_27b80aaf8e404846.txt"), Map.of("agency", "死信测试局", "year", 2020));
        Thread.sleep(2500); // the outbox relay sends report-submitted within a second or two
        fixture.stack.service("intake").stop();
        fixture.stack.startService("extraction");
        fixture.stack.awaitService("extraction");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() ->
                reportctl("dlq", "list", bootstrap).contains(id));
        String listed = reportctl("dlq", "list", "--topic=report-submitted-extraction-dlq", bootstrap);
        assertThat(listed).contains(id).contains("still failing after 5 s of retries").contains("did not answer")
                .contains("from report-submitted");

        // Intake comes back and shows the submission FAILED with the reason.
        fixture.stack.startService("intake");
        fixture.stack.awaitService("intake");
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(status(id).get("status")));
        assertThat((String) status(id).get("failureReason")).contains("the document store did not answer");

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
        RestAssured.given().baseUri(fixture.intake()).get("/ops/v1/pipeline").then().statusCode(401)
                .contentType("application/problem+json");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.given().baseUri(fixture.intake())
                .auth().oauth2(StackFixture.ADMIN_TOKEN).get("/ops/v1/pipeline").then().statusCode(200)
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

    @Test
    void oneSubmissionIsOneTraceFromThePostToPublication() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Map<String, Object> body = new java.util.HashMap<>(Map.of("agency", "追踪测试局", "year", 2020));
        try {
            body.put("text", StackFixture.seed("002_250f2460152f5126.txt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String id = RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.API_KEY)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(io.restassured.http.ContentType.JSON).body(body)
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        fixture.awaitPublished(id, Duration.ofSeconds(90));

        List<String> topics = Topics.PIPELINE;
        Map<String, List<String>> traceparents = new java.util.HashMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            traceparents.clear();
            traceparents.putAll(traceparentsOf(id, topics));
            assertThat(traceparents.keySet()).containsExactlyInAnyOrderElementsOf(topics);
        });
        traceparents.forEach((topic, values) -> assertThat(values).as("traceparent headers on %s", topic)
                .isNotEmpty().allSatisfy(v -> assertThat(v).startsWith("00-" + traceId + "-")));
    }

    @Test
    void theCrossYearSweepRevalidatesAReportNotValidatedAgainstItsPreviousYear() throws Exception {
        String agency = "跨年清扫测试局";
        String later = fixture.submitText(StackFixture.seed("003_8178ad8169fa307d.txt"), Map.of("agency", agency, "year", 2021));
        fixture.awaitPublished(later, Duration.ofSeconds(90));
        String earlier = fixture.submitText(StackFixture.seed("001_43d6c315cbc0f57d.txt"), Map.of("agency", agency, "year", 2020));
        fixture.awaitPublished(earlier, Duration.ofSeconds(90));
        // the previous year arrived late: the event-driven path re-validated 2021 against it (round 2)
        await().atMost(Duration.ofSeconds(30)).until(() -> rounds(later).containsKey(2));

        // 2021 as it is when it was validated before its previous year was stored and that was missed (e.g. a
        // report validated before the sweep's bookkeeping existed): nothing records what it was validated against.
        try (Connection db = DriverManager.getConnection(fixture.stack.database().jdbcUrl("validation"),
                EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
             PreparedStatement forget = db.prepareStatement(
                     "UPDATE validated_report SET validated_against = NULL WHERE submission_id = ?")) {
            forget.setString(1, later);
            assertThat(forget.executeUpdate()).isEqualTo(1);
        }

        // the sweep (every 2 s here) re-validates it once, against the 2020 report, and then leaves it alone
        await().atMost(Duration.ofSeconds(30)).until(() -> rounds(later).containsKey(3));
        Thread.sleep(6000);
        Map<Integer, List<ReportValidated>> rounds = rounds(later);
        assertThat(rounds.keySet()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(rounds.get(3)).hasSize(1);
        assertThat(rounds.get(3).get(0).findings()).isEqualTo(rounds.get(2).get(0).findings());

        String metrics = RestAssured.given().baseUri(fixture.stack.service("validation").url()).get("/q/metrics").asString();
        assertThat(metrics).containsPattern("nianbao_sweep_runs_total\\{outcome=\"success\",sweep=\"cross-year\"} [1-9]")
                .contains("nianbao_sweep_last_success_timestamp{sweep=\"cross-year\"}");
        assertThat(Files.readString(fixture.stack.service("validation").logFile()))
                .contains("cross-year sweep: ").contains("re-validated");
    }

    /** The report-validated events of a submission, by validation round. */
    private static Map<Integer, List<ReportValidated>> rounds(String submissionId) throws Exception {
        Map<Integer, List<ReportValidated>> rounds = new java.util.TreeMap<>();
        for (ConsumerRecord<String, String> r : recordsOf(submissionId, List.of(Topics.REPORT_VALIDATED))) {
            ReportValidated event = Json.mapper().readValue(r.value(), ReportValidated.class);
            rounds.computeIfAbsent(event.validationRound(), k -> new java.util.ArrayList<>()).add(event);
        }
        return rounds;
    }

    /** The traceparent header of every record about a submission, by topic. */
    private static Map<String, List<String>> traceparentsOf(String submissionId, List<String> topics) {
        Map<String, List<String>> found = new java.util.HashMap<>();
        for (ConsumerRecord<String, String> r : recordsOf(submissionId, topics)) {
            Header tp = r.headers().lastHeader("traceparent");
            found.computeIfAbsent(r.topic(), t -> new java.util.ArrayList<>())
                    .add(tp == null ? "(none)" : new String(tp.value(), StandardCharsets.UTF_8));
        }
        return found;
    }

    /** Every record about a submission on the given topics, read from the beginning with a plain consumer. */
    private static List<ConsumerRecord<String, String>> recordsOf(String submissionId, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.stack.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Header sub = r.headers().lastHeader(Headers.SUBMISSION_ID);
                    if (sub != null && submissionId.equals(new String(sub.value(), StandardCharsets.UTF_8))) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(String id) {
        return RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.API_KEY)
                .get("/api/v1/submissions/" + id).as(Map.class);
    }
}
