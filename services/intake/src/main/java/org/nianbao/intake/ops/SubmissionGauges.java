package org.nianbao.intake.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.intake.model.Stage;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** nianbao_submissions{status}: how many submissions are at each stage, refreshed every few seconds. */
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

    @Scheduled(every = "${nianbao.gauges.interval:5s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return submissions.countByStatus()
                .invoke(byStatus -> byStatus.forEach((stage, n) -> counts.get(stage).set(n)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
