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
import java.util.List;
import java.util.function.Function;

/**
 * The one consumer cycle of every stage: read the record's event, handle it (the handler is a service method that
 * runs in one transaction and returns the events it caused), send those events, and acknowledge the record only
 * once Kafka acknowledged them. A failure that may pass (the database or the broker away, see {@link Transience})
 * is retried with exponential backoff, handling and sending again (handlers are idempotent: the same event gives
 * the same results); only a failure that never passes, or one that outlasts {@code giveUpAfter}, sends the record
 * to the channel's dead-letter topic with its reason, and the stream goes on with the next record.
 *
 * @param <E> the type of event the stage consumes
 */
public final class StageCycle<E> {
    /** How long a transient failure is retried before the record is dead-lettered (a replay can still redo it). */
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofMinutes(10);
    /** The longest wait between two attempts (the backoff starts at 250 ms and doubles); at most half the give-up time. */
    private static final Duration MAX_DELAY = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(StageCycle.class);
    private static final TypeLiteral<Uni<Void>> UNI_VOID = new TypeLiteral<>() {
    };

    private final String stage;
    private final Class<E> eventType;
    private final EventSender sender;
    private final Duration giveUpAfter;
    private final Guard retry;

    private StageCycle(String stage, Class<E> eventType, EventSender sender, Duration giveUpAfter) {
        this.stage = stage;
        this.eventType = eventType;
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
        Duration giveUp = ConfigProvider.getConfig().getOptionalValue("nianbao.stage.give-up-after", Duration.class)
                .orElse(DEFAULT_GIVE_UP_AFTER);
        return new StageCycle<>(stage, eventType, sender, giveUp);
    }

    /** Runs the cycle for one record; the returned Uni never fails (the record is acked or dead-lettered). */
    public Uni<Void> consume(Message<String> incoming, Function<E, Uni<? extends List<? extends PipelineEvent>>> handle) {
        String topic = topic(incoming);
        PipelineMetrics.consumed(topic);
        long start = System.nanoTime();
        // Quarkus keeps the MDC per message context, so every log line of this record's work names its submission.
        MDC.put(PipelineEvents.LOG_SUBMISSION, PipelineEvents.header(incoming, Headers.SUBMISSION_ID).orElse(""));
        TraceContext.enter(incoming);
        return Uni.createFrom().item(incoming::getPayload)
                .map(payload -> PipelineEvents.read(payload, eventType))
                .flatMap(event -> retry.get(() -> handleAndSend(event, handle), UNI_VOID))
                .onItem().transformToUni(x -> {
                    PipelineMetrics.processed(stage, System.nanoTime() - start);
                    return Uni.createFrom().completionStage(incoming.ack());
                })
                .onFailure().recoverWithUni(e -> deadLetter(incoming, Transience.isTransient(e)
                        ? new Transience.PermanentFailure("still failing after " + giveUpAfter.toSeconds() + " s of retries: "
                        + e.getMessage(), e) : e));
    }

    /** One attempt: the handler (its transaction), then the sends, each timed (where a stage's time goes). */
    private Uni<Void> handleAndSend(E event, Function<E, Uni<? extends List<? extends PipelineEvent>>> handle) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return handle.apply(event).invoke(x -> PipelineMetrics.handled(stage, System.nanoTime() - start));
        }).flatMap(events -> {
            long start = System.nanoTime();
            return sender.sendAll(events).invoke(() -> PipelineMetrics.sent(stage, System.nanoTime() - start));
        });
    }

    /** Nacks a record that cannot be processed: it goes to the channel's dead-letter topic with the reason. */
    private Uni<Void> deadLetter(Message<?> incoming, Throwable cause) {
        PipelineMetrics.failed(stage, topic(incoming), cause);
        LOG.warnf("submission %s: %s failed, the record goes to the dead-letter topic: %s",
                PipelineEvents.header(incoming, Headers.SUBMISSION_ID).orElse("?"), stage, cause.getMessage());
        return Uni.createFrom().completionStage(incoming.nack(cause));
    }

    private static String topic(Message<?> incoming) {
        return PipelineEvents.topic(incoming).orElse("unknown");
    }
}
