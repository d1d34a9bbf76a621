package org.nianbao.validationservice.sweep;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.nianbao.events.ReportValidated;
import org.nianbao.validationservice.InMemoryChannels;
import org.nianbao.validationservice.Pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.nianbao.validationservice.Pipeline.deliver;
import static org.nianbao.validationservice.Pipeline.parsed;
import static org.nianbao.validationservice.Pipeline.validated;

/** The cross-year sweep re-validates what was not validated against its latest previous year, once. */
@QuarkusTest
@TestProfile(InMemoryChannels.class)
class CrossYearSweepTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    CrossYearSweep sweep;

    @Test
    void aReportNotValidatedAgainstItsPreviousYearIsReValidatedOnceInANewRound() throws Throwable {
        String agency = "SWEEP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String previous = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        var y2022 = deliver(connector, parsed(previous, agency, 2022, "2022年，本机关全年收到申请8件。"));
        await().atMost(Duration.ofSeconds(30)).until(y2022::settled);
        var y2023 = deliver(connector, parsed(next, agency, 2023, "2023年，本机关全年收到申请10件。"));
        await().atMost(Duration.ofSeconds(30)).until(y2023::settled);
        assertThat(validated(connector, next)).extracting(ReportValidated::validationRound).containsExactly(1);
        // as if 2023 had been validated before the bookkeeping of what it was validated against existed
        try (Connection c = Pipeline.database();
             PreparedStatement st = c.prepareStatement("UPDATE validated_report SET validated_against = NULL WHERE submission_id = ?")) {
            st.setString(1, next);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        connector.sink("validated-out").clear();

        CrossYearSweep.Result first = VertxContextSupport.subscribeAndAwait(() -> sweep.run());
        assertThat(first.revalidated()).isGreaterThanOrEqualTo(1);
        assertThat(first.checked()).isGreaterThanOrEqualTo(2);
        assertThat(validated(connector, next)).extracting(ReportValidated::validationRound).containsExactly(2);
        assertThat(validated(connector, previous)).isEmpty();

        CrossYearSweep.Result second = VertxContextSupport.subscribeAndAwait(() -> sweep.run());
        assertThat(second.revalidated()).isZero();
        assertThat(validated(connector, next)).hasSize(1);
    }
}
