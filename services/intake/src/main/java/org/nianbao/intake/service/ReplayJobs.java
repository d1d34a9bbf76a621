package org.nianbao.intake.service;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Replays run in the background, a chunk at a time ({@link SubmissionService#replay}), so that a replay of a whole
 * archive is answered at once and followed by its progress. A job lives in the memory of the intake process that
 * runs it (the most recent {@value #KEPT} are kept); if that process stops, the chunks committed stay replayed and
 * the job's {@code lastSubmissionId} says where to go on ({@code after=}).
 */
@ApplicationScoped
public class ReplayJobs {
    private static final Logger LOG = Logger.getLogger(ReplayJobs.class);
    private static final int KEPT = 100;

    /** What a job does and how far it got. */
    public record Job(String id, SubmissionService.ReplayFilter filter, String after, State state, int replayed,
                      String lastSubmissionId, Instant startedAt, Instant finishedAt, String error) {
        Job progressed(List<String> ids) {
            return new Job(id, filter, after, state, replayed + ids.size(), ids.get(ids.size() - 1), startedAt, null, null);
        }

        Job ended(State end, String why) {
            return new Job(id, filter, after, end, replayed, lastSubmissionId, startedAt, Instant.now(), why);
        }
    }

    public enum State { RUNNING, DONE, FAILED }

    @Inject
    SubmissionService submissions;

    @Inject
    Vertx vertx;

    private final Map<String, Job> jobs = new LinkedHashMap<>();

    /** Starts replaying what the filter selects, after submission id {@code after} (null: from the first). */
    public Job start(SubmissionService.ReplayFilter filter, String after) {
        Job job = new Job("replay-" + UUID.randomUUID(), filter, after, State.RUNNING, 0, null, Instant.now(), null, null);
        put(job);
        LOG.infof("%s started: %s", job.id(), filter);
        OwnContext.run(vertx, () -> submissions.replay(filter, after == null ? "" : after, ids -> update(job.id(), j -> j.progressed(ids)))
                .subscribe().with(
                        done -> LOG.infof("%s done: %d replayed", job.id(), update(job.id(), j -> j.ended(State.DONE, null)).replayed()),
                        failure -> {
                            Job failed = update(job.id(), j -> j.ended(State.FAILED, failure.getMessage()));
                            LOG.errorf(failure, "%s failed after %d replayed (go on with after=%s)", job.id(), failed.replayed(),
                                    failed.lastSubmissionId());
                        }));
        return job;
    }

    public synchronized Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private synchronized void put(Job job) {
        jobs.put(job.id(), job);
        while (jobs.size() > KEPT) {
            String oldest = jobs.keySet().iterator().next();
            if (jobs.get(oldest).state() == State.RUNNING) {
                break;
            }
            jobs.remove(oldest);
        }
    }

    private synchronized Job update(String id, UnaryOperator<Job> change) {
        Job job = change.apply(jobs.get(id));
        jobs.put(id, job);
        return job;
    }
}
