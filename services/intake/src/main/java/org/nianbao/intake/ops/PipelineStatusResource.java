package org.nianbao.intake.ops;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.intake.model.Submission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline at a glance, for operators: each stage's backlog (consumer lag of its group on its input
 * topic), the dead letters waiting, and the submissions by status.
 */
@Path("/ops/v1/pipeline")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineStatusResource {

    @Inject
    KafkaBacklog backlog;

    public record StageBacklog(String stage, String topic, String consumerGroup, long backlog) {
    }

    public record PipelineStatus(List<StageBacklog> stages, Map<String, Long> deadLetters, Map<String, Long> submissions) {
    }

    @GET
    public Uni<PipelineStatus> status() {
        return Panache.withSession(Submission::countByStatus).flatMap(counts -> Uni.createFrom().item(() -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            counts.forEach((stage, n) -> byStatus.put(stage.name(), n));
            return new PipelineStatus(backlog.stages(), backlog.deadLetters(), byStatus);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}
