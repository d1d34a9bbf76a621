package org.nianbao.messaging;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import java.util.concurrent.TimeUnit;

/**
 * The pipeline's own metrics, in the global Micrometer registry that each service exports at
 * {@code /q/metrics} (Prometheus format).
 */
public final class PipelineMetrics {
    private static final Map<String, AtomicLong> LAST_SWEEP_SUCCESS = new ConcurrentHashMap<>();

    private PipelineMetrics() {
    }

    /** nianbao_events_consumed_total{topic}: records taken from a topic. */
    public static void consumed(String topic) {
        Metrics.counter("nianbao.events.consumed", "topic", topic).increment();
    }

    /** nianbao_events_produced_total{topic}: events acknowledged by Kafka. */
    public static void produced(String topic) {
        Metrics.counter("nianbao.events.produced", "topic", topic).increment();
    }

    /**
     * nianbao_stage_duration_seconds{stage}: time to process one batch, including its sends;
     * nianbao_stage_records_total{stage}: the records those batches held (their sum over this count is the time per record).
     */
    public static void processed(String stage, int records, long nanos) {
        Timer.builder("nianbao.stage.duration").tag("stage", stage).publishPercentileHistogram()
                .register(Metrics.globalRegistry).record(nanos, TimeUnit.NANOSECONDS);
        Metrics.counter("nianbao.stage.records", "stage", stage).increment(records);
    }

    /** nianbao_stage_handle_seconds{stage}: one attempt of a stage's handler on a batch (its database transaction). */
    public static void handled(String stage, long nanos) {
        Timer.builder("nianbao.stage.handle").tag("stage", stage).register(Metrics.globalRegistry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** nianbao_stage_send_seconds{stage}: waiting for Kafka to acknowledge the events one batch caused. */
    public static void sent(String stage, long nanos) {
        Timer.builder("nianbao.stage.send").tag("stage", stage).register(Metrics.globalRegistry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** nianbao_dead_letters_total{stage,topic,reason}: records sent to a dead-letter topic, by cause type. */
    public static void failed(String stage, String topic, Throwable cause) {
        Metrics.counter("nianbao.dead.letters", "stage", stage, "topic", topic, "reason", reason(cause)).increment();
    }

    /** nianbao_stage_retries_total{stage,reason}: transient failures retried by a stage's consumer cycle. */
    public static void retried(String stage, Throwable cause) {
        Metrics.counter("nianbao.stage.retries", "stage", stage, "reason", reason(cause)).increment();
    }

    /** nianbao_sweep_runs_total{sweep,outcome} and, on success, nianbao_sweep_last_success_timestamp{sweep} (epoch seconds). */
    public static void sweepRan(String sweep, boolean success) {
        Metrics.counter("nianbao.sweep.runs", "sweep", sweep, "outcome", success ? "success" : "failure").increment();
        if (success) {
            LAST_SWEEP_SUCCESS.computeIfAbsent(sweep, name -> Metrics.gauge("nianbao.sweep.last.success.timestamp",
                    Tags.of("sweep", name), new AtomicLong())).set(System.currentTimeMillis() / 1000);
        }
    }

    /** A bounded label for a failure: the type of its root cause. */
    static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
