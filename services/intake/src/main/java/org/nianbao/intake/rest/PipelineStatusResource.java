package org.nianbao.intake.rest;

import org.nianbao.intake.ops.KafkaBacklog;
import org.nianbao.intake.ops.KafkaBacklog.StageBacklog;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.events.Topics;
import org.nianbao.intake.model.Stage;
import org.nianbao.intake.repository.SubmissionRepository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline at a glance, for operators: each stage's backlog (consumer lag of its group on its input topic), the
 * dead letters waiting (by dead-letter topic: submissions still FAILED at that stage; a dead letter whose submission
 * has moved on since, replayed or superseded, no longer waits), the records kept in each dead-letter topic, and the
 * submissions by status.
 */
@Path("/ops/v1/pipeline")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineStatusResource {

    @Inject
    KafkaBacklog backlog;

    @Inject
    SubmissionRepository submissions;


    public record PipelineStatus(List<StageBacklog> stages, Map<String, Long> deadLetters, Map<String, Long> deadLetterRecords,
                                 Map<String, Long> submissions) {
    }

    @GET
    public Uni<PipelineStatus> status() {
        return submissions.countByStatus().flatMap(counts -> submissions.waitingDeadLetters().flatMap(waiting -> Uni.createFrom().item(() -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            counts.forEach((stage, n) -> byStatus.put(stage.name(), n));
            Map<String, Long> records = backlog.deadLetters();
            Map<String, Long> waitingByTopic = new LinkedHashMap<>();
            for (String topic : Topics.DEAD_LETTERS) {
                waitingByTopic.put(topic, Stage.blockedBy(topic).map(stage -> waiting.getOrDefault(stage, 0L))
                        // intake's own: nobody else reads it, every record in it waits
                        .orElse(records.getOrDefault(topic, 0L)));
            }
            return new PipelineStatus(backlog.stages(), waitingByTopic, records, byStatus);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())));
    }
}
