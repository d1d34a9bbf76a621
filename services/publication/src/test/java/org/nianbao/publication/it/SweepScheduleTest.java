package org.nianbao.publication.it;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.nianbao.publication.SweepConfig;
import org.nianbao.publication.sweep.MissingReportSweep;
import org.nianbao.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The missing-report sweep is scheduled from its typed settings, whose defaults live in SweepConfig alone. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SweepScheduleTest {
    @Inject
    SweepConfig config;
    @Inject
    Scheduler scheduler;

    @Test
    void theSweepRunsAMinuteAfterStartThenEverySixHours() {
        assertThat(config.missingReports().every()).isEqualTo(Duration.ofHours(6));
        assertThat(config.missingReports().delay()).isEqualTo(Duration.ofMinutes(1));
        Trigger sweep = scheduler.getScheduledJob(MissingReportSweep.IDENTITY);
        assertThat(sweep).isNotNull();
        // the interval counts from the first run, a minute after start
        assertThat(sweep.getNextFireTime()).isBetween(Instant.now().plus(Duration.ofHours(5)),
                Instant.now().plus(Duration.ofHours(6)).plus(Duration.ofMinutes(1)).plusSeconds(5));
    }
}
