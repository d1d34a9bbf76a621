package org.nianbao.validationservice.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportValidated;
import org.nianbao.messaging.Transience;
import org.nianbao.events.AgencyKey;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.validationservice.InMemoryChannels;
import org.nianbao.validationservice.Pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.nianbao.validationservice.Pipeline.deliver;
import static org.nianbao.validationservice.Pipeline.deliverBatch;
import static org.nianbao.validationservice.Pipeline.parsed;
import static org.nianbao.validationservice.Pipeline.validated;

/** report-parsed in, report-validated out: what a user of the pipeline sees of validation. */
@QuarkusTest
@TestProfile(InMemoryChannels.class)
class ParsedConsumerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    @Any
    InMemoryConnector connector;

    @BeforeEach
    void clear() {
        connector.sink("validated-out").clear();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String agency() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    @Test
    void aParsedReportIsValidatedOnceInRoundOneWithItsFindings() {
        String id = id();
        var delivery = deliver(connector, parsed(id, agency(), 2023, "2023年，本机关全年收到申请10件。"));

        await().atMost(WAIT).until(delivery::settled);
        assertThat(delivery.nacked()).isNotDone();
        List<ReportValidated> events = validated(connector, id);
        assertThat(events).hasSize(1);
        ReportValidated event = events.get(0);
        assertThat(event.validationRound()).isEqualTo(1);
        assertThat(event.eventId()).isEqualTo("validated:" + id + ":1:1");
        assertThat(event.metadata().year()).isEqualTo(2023);
        assertThat(event.findings()).isNotEmpty(); // a report without its tables has much to say
        assertThat(event.findings()).extracting(org.nianbao.model.Finding::rule)
                .doesNotContain("A-01"); // published on 2024-01-20, before the default department deadline
    }

    @Test
    void theSameEventTwiceGivesTheSameRoundAndAChangedReportTheNext() {
        String id = id();
        String agency = agency();
        ReportParsed first = parsed(id, agency, 2023, "2023年，本机关全年收到申请10件。");
        var once = deliver(connector, first);
        await().atMost(WAIT).until(once::settled);
        var twice = deliver(connector, first); // a redelivery
        await().atMost(WAIT).until(twice::settled);

        List<ReportValidated> events = validated(connector, id);
        assertThat(events).extracting(ReportValidated::validationRound).containsExactly(1, 1);
        assertThat(events).extracting(ReportValidated::eventId).containsOnly("validated:" + id + ":1:1");
        assertThat(events.get(1).findings()).isEqualTo(events.get(0).findings());

        var reread = deliver(connector, parsed(id, agency, 2023, "2023年，本机关全年收到申请12件。")); // read again, differently
        await().atMost(WAIT).until(reread::settled);
        assertThat(validated(connector, id)).extracting(ReportValidated::validationRound).containsExactly(1, 1, 2);
        assertThat(once.nacked()).isNotDone();
        assertThat(twice.nacked()).isNotDone();
        assertThat(reread.nacked()).isNotDone();
    }

    @Test
    void aPreviousYearArrivingLateReValidatesTheNextYearInANewRound() {
        String agency = agency();
        String next = id();
        String previous = id();
        var nextYear = deliver(connector, parsed(next, agency, 2023, "2023年，本机关全年收到申请10件。"));
        await().atMost(WAIT).until(nextYear::settled);
        assertThat(validated(connector, next)).extracting(ReportValidated::validationRound).containsExactly(1);
        connector.sink("validated-out").clear();

        var previousYear = deliver(connector, parsed(previous, agency, 2022, "2022年，本机关全年收到申请8件。"));
        await().atMost(WAIT).until(previousYear::settled);
        assertThat(previousYear.nacked()).isNotDone();
        var out = connector.<String>sink("validated-out").received();
        assertThat(out).hasSize(2); // its own, then the next year again
        assertThat(validated(connector, previous)).extracting(ReportValidated::validationRound).containsExactly(1);
        assertThat(validated(connector, next)).extracting(ReportValidated::validationRound).containsExactly(2);

        // delivered again, the previous year changes nothing: the next year was validated against it as it reads
        connector.sink("validated-out").clear();
        var again = deliver(connector, parsed(previous, agency, 2022, "2022年，本机关全年收到申请8件。"));
        await().atMost(WAIT).until(again::settled);
        assertThat(validated(connector, previous)).extracting(ReportValidated::validationRound).containsExactly(1);
        assertThat(validated(connector, next)).isEmpty();
    }

    @Test
    void oneBatchWithThePreviousYearFirstValidatesTheNextYearAgainstIt() throws SQLException {
        String agency = agency();
        String y2022 = id();
        String y2023 = id();
        String elsewhere = id();
        var batch = deliverBatch(connector,
                parsed(y2022, agency, 2022, "2022年，本机关全年收到申请8件。"),
                parsed(elsewhere, agency(), 2023, "2023年，本机关全年收到申请5件。"),
                parsed(y2023, agency, 2023, "2023年，本机关全年收到申请10件。"));

        awaitAcked(batch);
        assertThat(rounds(y2022, y2023, elsewhere)).containsExactly(y2022 + ":1", elsewhere + ":1", y2023 + ":1");
        assertThat(validatedAgainst(y2023)).startsWith(y2022 + "@");
        assertThat(validatedAgainst(y2022)).isNull();
    }

    @Test
    void oneBatchWithTheNextYearFirstAndARevisedPreviousYearReValidatesTheNextYearEachTime() throws SQLException {
        String agency = agency();
        String y2022 = id();
        String y2023 = id();
        String elsewhere = id();
        var batch = deliverBatch(connector,
                parsed(y2023, agency, 2023, "2023年，本机关全年收到申请10件。"),
                parsed(elsewhere, agency(), 2022, "2022年，本机关全年收到申请5件。"),
                parsed(y2022, agency, 2022, "2022年，本机关全年收到申请8件。"),
                parsed(y2022, agency, 2022, "2022年，本机关全年收到申请9件。"), // read again, differently
                parsed(y2022, agency, 2022, "2022年，本机关全年收到申请9件。")); // and redelivered

        awaitAcked(batch);
        assertThat(rounds(y2022, y2023, elsewhere)).containsExactly(y2023 + ":1", elsewhere + ":1",
                y2022 + ":1", y2023 + ":2", // the previous year arrived: the next year again
                y2022 + ":2", y2023 + ":3", // the previous year changed: again
                y2022 + ":2");
        assertThat(validatedAgainst(y2023)).startsWith(y2022 + "@");
        String stored;
        try (Connection c = Pipeline.database();
             PreparedStatement st = c.prepareStatement("SELECT validation_round, report FROM validated_report WHERE submission_id = ?")) {
            st.setString(1, y2022);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
                stored = rs.getString(2);
            }
        }
        assertThat(stored).contains("9件");
        assertThat(validatedAgainst(y2023)).isEqualTo(y2022 + "@" + AgencyKey.sha256(stored));

        // the whole batch redelivered after a restart: the same rounds again, nothing new
        connector.sink("validated-out").clear();
        awaitAcked(deliverBatch(connector,
                parsed(y2023, agency, 2023, "2023年，本机关全年收到申请10件。"),
                parsed(y2022, agency, 2022, "2022年，本机关全年收到申请9件。")));
        assertThat(rounds(y2022, y2023)).containsExactly(y2023 + ":3", y2022 + ":2");
    }

    private static void awaitAcked(List<Pipeline.Delivery> batch) {
        await().atMost(WAIT).until(() -> batch.stream().allMatch(Pipeline.Delivery::settled));
        assertThat(batch).allSatisfy(d -> assertThat(d.acked()).isDone());
    }

    /** The report-validated events of these submissions received so far, in order, as submission:round. */
    private List<String> rounds(String... submissionIds) {
        Set<String> ids = Set.of(submissionIds);
        return connector.<String>sink("validated-out").received().stream()
                .map(m -> PipelineEvents.read(m.getPayload(), ReportValidated.class))
                .filter(e -> ids.contains(e.submissionId()))
                .map(e -> e.submissionId() + ":" + e.validationRound())
                .toList();
    }

    private static String validatedAgainst(String submissionId) throws SQLException {
        try (Connection c = Pipeline.database();
             PreparedStatement st = c.prepareStatement("SELECT validated_against FROM validated_report WHERE submission_id = ?")) {
            st.setString(1, submissionId);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aMalformedRecordIsDeadLetteredAndTheStreamGoesOn() {
        var malformed = deliver(connector, "{\"submissionId\": \"x\", \"report\": [not json");
        String id = id();
        var next = deliver(connector, parsed(id, agency(), 2023, "2023年，本机关全年收到申请10件。"));

        await().atMost(WAIT).until(() -> malformed.settled() && next.settled());
        assertThat(malformed.acked()).isNotDone();
        assertThat(malformed.nacked().join()).isInstanceOf(Transience.MalformedEventException.class);
        assertThat(next.nacked()).isNotDone();
        assertThat(validated(connector, id)).hasSize(1);
    }
}
