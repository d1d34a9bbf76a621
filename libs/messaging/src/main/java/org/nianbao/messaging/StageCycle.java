package org.nianbao.messaging;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.nianbao.events.Headers;
import org.nianbao.events.PipelineEvent;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one consumer cycle of every stage, a batch of records at a time: read each record's event, handle the batch's
 * events together (the handler is a service method that runs in one transaction and returns the events they caused),
 * send those events, and acknowledge the records only once Kafka acknowledged them.
 * <ul>
 * <li>A failure that may pass (the database or the broker away, see {@link Transience}) is retried with exponential
 * backoff, handling and sending again: handlers are idempotent (the same events give the same results).</li>
 * <li>A failure that never passes fails the batch; its events are then handled one at a time, so that only the
 * records that fail alone go to the channel's dead-letter topic, with their reason, and the others go on.</li>
 * <li>A failure that outlasts {@code giveUpAfter} dead-letters the records it held.</li>
 * <li>A record that cannot be read is dead-lettered at once.</li>
 * </ul>
 * The order of one agency's events is kept: they share a partition, whose records come in offset order, and the
 * handler takes them, and its events are sent, in that order.
 *
 * @param <E> the type of event the stage consumes
 */
public final class StageCycle<E> {
    /** How long a transient failure is retried before the records are dead-lettered (a replay can still redo them). */
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofMinutes(10);
    /** The longest wait between two attempts (the backoff starts at 250 ms and doubles); at most half the give-up time. */
    private static final Duration MAX_DELAY = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(StageCycle.class);
    private static final TypeLiteral<Uni<Void>> UNI_VOID = new TypeLiteral<>() {
    };

    private final String stage;
    private final Function<Message<String>, E> reader;
    private final EventSender sender;
    private final Duration giveUpAfter;
    private final Guard retry;

    private StageCycle(String stage, Function<Message<String>, E> reader, EventSender sender, Duration giveUpAfter) {
        this.stage = stage;
        this.reader = reader;
        this.sender = sender;
        if (giveUpAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("nianbao.stage.give-up-after must be at least 1 s, not " + giveUpAfter);
        }
        this.giveUpAfter = giveUpAfter;
        this.retry = Guard.create().withRetry()
                .maxRetries(-1).maxDuration(giveUpAfter.toMillis(), ChronoUnit.MILLIS)
                .delay(250, ChronoUnit.MILLIS).jitter(100, ChronoUnit.MILLIS)
                .withExponentialBackoff().factor(2).maxDelay(Math.min(MAX_DELAY.toMillis(), giveUpAfter.toMillis() / 2), ChronoUnit.MILLIS).done()
                .whenException(Transience::isTransient)
                .beforeRetry(e -> {
                    PipelineMetrics.retried(stage, e);
                    LOG.warnf("%s: %s (transient; retrying)", stage, e.getMessage());
                })
                .done().build();
    }

    /**
     * The cycle of {@code stage}, reading events of {@code eventType} and sending what they cause with {@code sender};
     * it gives up on a transient failure after {@code nianbao.stage.give-up-after} ({@code NIANBAO_STAGE_GIVE_UP_AFTER},
     * default 10 minutes; the Kafka connector's {@code throttled.unprocessed-record-max-age.ms} must stay above it).
     */
    public static <E> StageCycle<E> of(String stage, Class<E> eventType, EventSender sender) {
        return reading(stage, record -> PipelineEvents.read(record.getPayload(), eventType), sender);
    }

    /**
     * The cycle of a stage whose events are read from the whole record ({@code reader} may use its headers; it throws
     * for a record that cannot be read, which is dead-lettered, and returns null for one there is nothing to do for,
     * which is acknowledged).
     */
    public static <E> StageCycle<E> reading(String stage, Function<Message<String>, E> reader, EventSender sender) {
        Duration giveUp = ConfigProvider.getConfig().getOptionalValue("nianbao.stage.give-up-after", Duration.class)
                .orElse(DEFAULT_GIVE_UP_AFTER);
        return new StageCycle<>(stage, reader, sender, giveUp);
    }

    /**
     * Runs the cycle for one batch of records (see {@link StageBatch}); the returned Uni never fails: each record is
     * acknowledged or dead-lettered. {@code handle} gets the events in the records' order, and may get a part of them
     * again, one at a time, after the whole failed for good.
     */
    public Uni<Void> consume(Message<List<String>> batch, Function<List<E>, Uni<? extends List<? extends PipelineEvent>>> handle) {
        List<Message<String>> records = StageBatch.records(batch);
        long start = System.nanoTime();
        records.forEach(record -> PipelineMetrics.consumed(topic(record)));
        // Quarkus keeps the MDC per message context: the log lines of a single record's work name its submission.
        MDC.put(PipelineEvents.LOG_SUBMISSION, records.size() == 1 ? submission(records.get(0)) : "");
        List<Read<E>> read = new ArrayList<>(records.size());
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Message<String> record : records) {
            try {
                read.add(new Read<>(record, reader.apply(record)));
            } catch (RuntimeException unreadable) {
                done = done.chain(() -> deadLetter(record, unreadable));
            }
        }
        List<Read<E>> toHandle = read.stream().filter(r -> r.event != null).toList();
        return done.chain(() -> toHandle.isEmpty() ? Uni.createFrom().voidItem()
                        : retry.get(() -> handleAndSend(toHandle, handle), UNI_VOID)
                        .onFailure(e -> !Transience.isTransient(e)).recoverWithUni(e -> oneByOne(toHandle, handle, e))
                        .onFailure().recoverWithUni(e -> deadLetterAll(toHandle, givenUp(e))))
                .chain(() -> ackAll(read))
                .invoke(() -> PipelineMetrics.processed(stage, records.size(), System.nanoTime() - start))
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf(e, "%s: a batch of %d could not be settled", stage, records.size());
                    return null;
                });
    }

    /** After the batch failed for good: each event alone, dead-lettering those that fail alone. */
    private Uni<Void> oneByOne(List<Read<E>> batch, Function<List<E>, Uni<? extends List<? extends PipelineEvent>>> handle,
                               Throwable batchFailure) {
        if (batch.size() == 1) {
            return Uni.createFrom().failure(batchFailure);
        }
        LOG.infof("%s: a batch of %d failed (%s); handling its records one at a time", stage, batch.size(), batchFailure.getMessage());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Read<E> one : batch) {
            chain = chain.chain(() -> retry.get(() -> handleAndSend(List.of(one), handle), UNI_VOID)
                    .onFailure().recoverWithUni(e -> deadLetter(one.record, givenUp(e))
                            .invoke(() -> one.deadLettered = true)));
        }
        return chain;
    }

    /** One attempt: the handler (its transaction), then the sends, each timed (where a stage's time goes). */
    private Uni<Void> handleAndSend(List<Read<E>> batch, Function<List<E>, Uni<? extends List<? extends PipelineEvent>>> handle) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return handle.apply(batch.stream().map(r -> r.event).toList())
                    .invoke(x -> PipelineMetrics.handled(stage, System.nanoTime() - start));
        }).flatMap(events -> {
            long start = System.nanoTime();
            Map<String, Message<?>> causes = causes(batch);
            return sender.sendAll(events, event -> causes.get(event.submissionId()))
                    .invoke(() -> PipelineMetrics.sent(stage, System.nanoTime() - start));
        });
    }

    /** The record each event continues (its trace), by submission: the last of the batch about it. */
    private static Map<String, Message<?>> causes(List<? extends Read<?>> batch) {
        Map<String, Message<?>> causes = new HashMap<>();
        batch.forEach(one -> causes.put(submission(one.record), one.record));
        return causes;
    }

    private Throwable givenUp(Throwable e) {
        return Transience.isTransient(e)
                ? new Transience.PermanentFailure("still failing after " + giveUpAfter.toSeconds() + " s of retries: " + e.getMessage(), e)
                : e;
    }

    private Uni<Void> deadLetterAll(List<Read<E>> batch, Throwable cause) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Read<E> one : batch) {
            if (!one.deadLettered) {
                chain = chain.chain(() -> deadLetter(one.record, cause).invoke(() -> one.deadLettered = true));
            }
        }
        return chain;
    }

    /** Acknowledges the records that were not dead-lettered, in order. */
    private static Uni<Void> ackAll(List<? extends Read<?>> read) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Read<?> one : read) {
            if (!one.deadLettered) {
                chain = chain.chain(() -> Uni.createFrom().completionStage(one.record::ack));
            }
        }
        return chain;
    }

    /** Nacks a record that cannot be processed: it goes to the channel's dead-letter topic with the reason. */
    private Uni<Void> deadLetter(Message<?> incoming, Throwable cause) {
        PipelineMetrics.failed(stage, topic(incoming), cause);
        LOG.warnf("submission %s: %s failed, the record goes to the dead-letter topic: %s",
                PipelineEvents.header(incoming, Headers.SUBMISSION_ID).orElse("?"), stage, cause.getMessage());
        return Uni.createFrom().completionStage(() -> incoming.nack(cause));
    }

    private static String submission(Message<?> record) {
        return PipelineEvents.header(record, Headers.SUBMISSION_ID).orElse("");
    }

    private static String topic(Message<?> incoming) {
        return PipelineEvents.topic(incoming).orElse("unknown");
    }

    /** A record and the event read from it (null: nothing to do); whether it went to the dead-letter topic. */
    private static final class Read<E> {
        final Message<String> record;
        final E event;
        boolean deadLettered;

        Read(Message<String> record, E event) {
            this.record = record;
            this.event = event;
        }
    }
}
