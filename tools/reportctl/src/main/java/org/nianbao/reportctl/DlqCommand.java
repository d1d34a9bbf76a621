package org.nianbao.reportctl;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.nianbao.events.Headers;
import org.nianbao.events.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Dead letters: what failed and why, and sending it back after a fix. */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "List and replay dead letters.",
        subcommands = {DlqCommand.ListDeadLetters.class, DlqCommand.Replay.class})
final class DlqCommand implements Runnable {
    /** The consumer group whose committed offsets remember what was replayed. */
    static final String REPLAY_GROUP = "nianbao-dlq-replay";

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.err);
    }

    /** Every record of the given dead-letter topics, oldest first. */
    static List<ConsumerRecord<String, String>> readAll(KafkaOptions kafka, List<String> topics) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = kafka.consumer(null)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                var infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalArgumentException("no topic '" + topic + "' on " + kafka.bootstrapServers());
                }
                infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }

    /** Offsets already replayed, per partition (records before them were sent back). */
    static Map<TopicPartition, Long> replayed(KafkaOptions kafka, List<String> topics) {
        Map<TopicPartition, Long> done = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = kafka.consumer(REPLAY_GROUP)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(15))
                        .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.committed(new java.util.HashSet<>(partitions), Duration.ofSeconds(15))
                    .forEach((tp, om) -> done.put(tp, om == null ? 0L : om.offset()));
        }
        return done;
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Show every dead letter: where it is, when, which submission, the reason, and whether it was replayed.")
    static final class ListDeadLetters implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--topic", description = "one dead-letter topic (default: all of them)")
        String topic;

        @Override
        public Integer call() {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            List<String> topics = topic == null ? Topics.DEAD_LETTERS : List.of(topic);
            Map<TopicPartition, Long> replayed = replayed(kafka, topics);
            List<ConsumerRecord<String, String>> records = readAll(kafka, topics);
            for (ConsumerRecord<String, String> r : records) {
                boolean done = r.offset() < replayed.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L);
                EventLine line = EventLine.of(r);
                out.printf("%s %d:%d  %s  from %s  submission %s  %s%s%n", r.topic(), r.partition(), r.offset(),
                        line.readable().substring(0, 19), header(r, Headers.DLQ_TOPIC), line.submissionId(),
                        header(r, Headers.DLQ_REASON), done ? "  [replayed]" : "");
            }
            out.printf("%d dead letter(s) in %s%n", records.size(), String.join(", ", topics));
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Send dead letters back to the topic they came from, after a fix. Consumers are idempotent,"
                    + " so a report that already went through is not published twice; a record is replayed once.")
    static final class Replay implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--topic", required = true, description = "the dead-letter topic")
        String topic;

        @Option(names = "--submission", description = "only the dead letters of this submission")
        String submission;

        @Option(names = "--offset", paramLabel = "PARTITION:OFFSET", description = "only these records (repeatable)")
        List<String> offsets;

        @Option(names = "--dry-run", description = "show what would be replayed")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            Map<TopicPartition, Long> replayed = replayed(kafka, List.of(topic));
            List<ConsumerRecord<String, String>> chosen = readAll(kafka, List.of(topic)).stream()
                    .filter(r -> r.offset() >= replayed.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L))
                    .filter(r -> submission == null || submission.equals(EventLine.of(r).submissionId()))
                    .filter(r -> offsets == null || offsets.contains(r.partition() + ":" + r.offset()))
                    .toList();
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            try (KafkaProducer<String, String> producer = dryRun ? null : kafka.producer()) {
                for (ConsumerRecord<String, String> r : chosen) {
                    String source = header(r, Headers.DLQ_TOPIC);
                    if (source == null) {
                        out.printf("skipping %d:%d: no %s header%n", r.partition(), r.offset(), Headers.DLQ_TOPIC);
                        continue;
                    }
                    out.printf("%s %d:%d → %s (submission %s)%n", dryRun ? "would replay" : "replaying", r.partition(),
                            r.offset(), source, EventLine.of(r).submissionId());
                    if (!dryRun) {
                        RecordHeaders headers = new RecordHeaders();
                        for (Header h : r.headers()) {
                            if (!h.key().startsWith("dead-letter-")) {
                                headers.add(h);
                            }
                        }
                        producer.send(new ProducerRecord<>(source, null, r.key(), r.value(), headers)).get(30, TimeUnit.SECONDS);
                        commit.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
                                (a, b) -> a.offset() >= b.offset() ? a : b);
                    }
                }
            }
            // Only an unfiltered replay moves the mark: a filtered one may skip earlier records.
            if (!commit.isEmpty() && submission == null && offsets == null) {
                try (KafkaConsumer<String, String> group = kafka.consumer(REPLAY_GROUP)) {
                    group.commitSync(commit);
                }
            }
            out.printf("%d dead letter(s) %s%n", chosen.size(), dryRun ? "would be replayed" : "replayed");
            return 0;
        }
    }
}
