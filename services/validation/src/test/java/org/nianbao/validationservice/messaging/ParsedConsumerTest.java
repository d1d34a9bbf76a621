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
import org.nianbao.validationservice.InMemoryChannels;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.nianbao.validationservice.Pipeline.deliver;
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
