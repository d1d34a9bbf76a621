package org.nianbao.intake.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.nianbao.intake.model.Stage;
import org.nianbao.intake.model.Submission;
import org.nianbao.intake.model.SubmissionEvent;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Submissions and their history. Called inside a service's transaction, or on its own in a session. */
@ApplicationScoped
public class SubmissionRepository {

    @WithSession
    public Uni<Submission> find(String id) {
        return Submission.findById(id);
    }

    /** The first {@code size} submissions a query finds. */
    @WithSession
    public Uni<List<Submission>> page(String query, io.quarkus.panache.common.Parameters params, int size) {
        return Submission.<Submission>find(query, params).page(0, size).list();
    }

    /**
     * The submissions, locked until the transaction ends, in the order of their ids (ascending): a submission's
     * events arrive on several channels at once (a backlog after a restart, a replay), and each decision must see
     * the one before it; every transaction that locks several submissions locks them in this order, so none waits
     * for another in a cycle. Unknown ids are left out.
     */
    @WithSession
    public Uni<List<Submission>> findForUpdate(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Submission.<Submission>find("id in ?1 order by id", List.copyOf(ids))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Records events in the history in one statement, in their order, each once: an event already recorded (a
     * redelivery), or twice in the list, is not recorded again.
     */
    @WithSession
    public Uni<Void> record(List<SubmissionEvent> events) {
        return NativeInsert.insert("INSERT INTO submission_event (event_id, submission_id, type, stage, validation_round,"
                        + " occurred_at, applied, detail) VALUES", events, e -> Arrays.asList(e.eventId, e.submissionId, e.type,
                        e.stage.name(), e.validationRound, e.occurredAt.atOffset(ZoneOffset.UTC), e.applied, e.detail),
                "ON CONFLICT (event_id) DO NOTHING").replaceWithVoid();
    }

    /** A submission's events and dead letters in the order they arrived. */
    @WithSession
    public Uni<List<SubmissionEvent>> history(String submissionId) {
        return SubmissionEvent.find("submissionId = ?1 order by seq", submissionId).list();
    }

    /** How many submissions are at each stage (every stage present, 0 where none). */
    @WithSession
    public Uni<Map<Stage, Long>> countByStatus() {
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery("SELECT status, count(*) FROM submission GROUP BY status", Object[].class).getResultList())
                .map(rows -> counts(rows, EnumSet.allOf(Stage.class)));
    }

    /**
     * How many submissions are at each stage but PUBLISHED (0 where none): the few in flight and the failed ones,
     * counted through a partial index however many have been published.
     */
    @WithSession
    public Uni<Map<Stage, Long>> countUnpublished() {
        // the literal, not a parameter, so that the planner always matches the partial index's predicate
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery("SELECT status, count(*) FROM submission WHERE status <> 'PUBLISHED' GROUP BY status", Object[].class)
                        .getResultList())
                .map(rows -> counts(rows, EnumSet.complementOf(EnumSet.of(Stage.PUBLISHED))));
    }

    private static Map<Stage, Long> counts(List<Object[]> rows, Set<Stage> stages) {
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        stages.forEach(stage -> counts.put(stage, 0L));
        rows.forEach(r -> counts.put(Stage.valueOf((String) r[0]), ((Number) r[1]).longValue()));
        return counts;
    }

    /**
     * Submissions whose dead letter still waits, by the stage that failed: FAILED at that stage now. A dead letter
     * whose submission moved on since (a replay went through, a newer round) no longer waits.
     */
    @WithSession
    public Uni<Map<Stage, Long>> waitingDeadLetters() {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("SELECT e.stage, count(DISTINCT e.submission_id)"
                        + " FROM submission_event e JOIN submission s ON s.id = e.submission_id WHERE e.type LIKE 'dead-letter:%'"
                        + " AND s.status = 'FAILED' AND s.failed_stage = e.stage GROUP BY e.stage", Object[].class).getResultList())
                .map(rows -> {
                    Map<Stage, Long> counts = new EnumMap<>(Stage.class);
                    rows.forEach(r -> counts.put(Stage.valueOf((String) r[0]), ((Number) r[1]).longValue()));
                    return counts;
                });
    }
}
