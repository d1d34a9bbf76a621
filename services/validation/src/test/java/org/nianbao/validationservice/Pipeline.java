package org.nianbao.validationservice;

import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportValidated;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.StageBatch;
import org.nianbao.model.IssuerType;
import org.nianbao.model.Report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the tests send to parsed-in and read from validated-out, and their reports. */
public final class Pipeline {
    private Pipeline() {
    }

    /** A record delivered to parsed-in, with what became of it: acked, or nacked (dead-lettered) with a reason. */
    public record Delivery(CompletableFuture<Void> acked, CompletableFuture<Throwable> nacked) {
        public boolean settled() {
            return acked.isDone() || nacked.isDone();
        }
    }

    public static Delivery deliver(InMemoryConnector connector, String payload) {
        Delivery delivery = new Delivery(new CompletableFuture<>(), new CompletableFuture<>());
        connector.<Message<List<String>>>source("parsed-in").send(StageBatch.of(record(payload, delivery)));
        return delivery;
    }

    /** Delivers the events to parsed-in in one batch, as one poll of Kafka's records. */
    public static List<Delivery> deliverBatch(InMemoryConnector connector, ReportParsed... batch) {
        List<Delivery> deliveries = new ArrayList<>();
        List<Message<String>> records = new ArrayList<>();
        for (ReportParsed parsed : batch) {
            Delivery delivery = new Delivery(new CompletableFuture<>(), new CompletableFuture<>());
            deliveries.add(delivery);
            records.add(record(PipelineEvents.toJson(parsed), delivery));
        }
        connector.<Message<List<String>>>source("parsed-in").send(StageBatch.of(records));
        return deliveries;
    }

    private static Message<String> record(String payload, Delivery delivery) {
        return Message.of(payload)
                .withAck(() -> {
                    delivery.acked().complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(reason -> {
                    delivery.nacked().complete(reason);
                    return CompletableFuture.completedFuture(null);
                });
    }

    public static Delivery deliver(InMemoryConnector connector, ReportParsed parsed) {
        return deliver(connector, PipelineEvents.toJson(parsed));
    }

    /** The report-validated events of a submission received so far on validated-out, in order. */
    public static List<ReportValidated> validated(InMemoryConnector connector, String submissionId) {
        InMemorySink<String> sink = connector.sink("validated-out");
        return sink.received().stream()
                .map(m -> PipelineEvents.read(m.getPayload(), ReportValidated.class))
                .filter(e -> e.submissionId().equals(submissionId))
                .toList();
    }

    /** A department's report of {@code year}, read by extraction; {@code overview} tells two readings apart. */
    public static ReportParsed parsed(String submissionId, String agencyCode, int year, String overview) {
        Report report = new Report();
        report.title = "测试局" + year + "年政府信息公开工作年度报告";
        report.agency = "测试局";
        report.year = year;
        report.sections.overview = overview;
        SubmissionMetadata metadata = new SubmissionMetadata("测试局", agencyCode, "110000", IssuerType.DEPARTMENT, year,
                LocalDate.of(year + 1, 1, 20), null);
        return new ReportParsed("parsed:" + submissionId + ":1", submissionId, 1, metadata.agencyKey(), metadata, report,
                Instant.parse("2025-01-21T08:00:00Z"));
    }

    /** A JDBC connection to the service's database, for what a test does to it behind the service's back. */
    public static Connection database() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
