package org.nianbao.intake.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.intake.model.Stage;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * nianbao_submissions{status}: how many submissions are at each stage; those in flight and failed refreshed every few
 * seconds, PUBLISHED (the whole archive, counted by a scan) every minute.
 */
@ApplicationScoped
public class SubmissionGauges {
    private final Map<Stage, AtomicLong> counts = new EnumMap<>(Stage.class);

    @jakarta.inject.Inject
    org.nianbao.intake.repository.SubmissionRepository submissions;

    SubmissionGauges(MeterRegistry registry) {
        for (Stage stage : Stage.values()) {
            AtomicLong value = new AtomicLong();
            counts.put(stage, value);
            registry.gauge("nianbao.submissions", io.micrometer.core.instrument.Tags.of("status", stage.name()), value);
        }
    }

    /** The submissions in flight and the failed ones: few, counted through an index, so often. */
    @Scheduled(every = "${nianbao.gauges.interval:5s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return set(submissions.countUnpublished());
    }

    /** Every stage, PUBLISHED included: a count of the whole archive, so seldom. */
    @Scheduled(every = "${nianbao.gauges.published-interval:1m}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshAll() {
        return set(submissions.countByStatus());
    }

    private Uni<Void> set(Uni<Map<Stage, Long>> byStatus) {
        return byStatus.invoke(counts -> counts.forEach((stage, n) -> this.counts.get(stage).set(n)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
