package org.nianbao.reportctl;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow a topic (a pipeline topic or a dead-letter topic) and print each event on one line:"
                + " time, stage, submission, agency, year, outcome.")
final class WatchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TOPIC", description = "e.g. report-validated or report-parsed-validation-dlq")
    String topic;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--from-beginning", description = "start at the oldest event (default: only new events)")
    boolean fromBeginning;

    @Option(names = "--json", description = "print each event's raw JSON value")
    boolean json;

    @Option(names = "--agency", description = "only events whose agency name contains this text")
    String agency;

    @Option(names = "--submission", description = "only events of this submission id")
    String submission;

    @Option(names = "--max", description = "stop after this many matching events")
    Integer max;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "stop when nothing arrived for this long")
    Integer idleTimeout;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (KafkaConsumer<String, String> consumer = kafka.consumer(null)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalArgumentException("no topic '" + topic + "' on " + kafka.bootstrapServers());
            }
            List<TopicPartition> assignment = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assignment);
            if (fromBeginning) {
                consumer.seekToBeginning(assignment);
            } else {
                consumer.seekToEnd(assignment);
            }
            int seen = 0;
            long idleSince = System.nanoTime();
            while (max == null || seen < max) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    if (idleTimeout != null && System.nanoTime() - idleSince > idleTimeout * 1_000_000_000L) {
                        break;
                    }
                    continue;
                }
                idleSince = System.nanoTime();
                for (ConsumerRecord<String, String> r : records) {
                    EventLine line = EventLine.of(r);
                    if (!line.matches(agency, submission)) {
                        continue;
                    }
                    out.println(json ? r.value() : line.readable());
                    if (max != null && ++seen >= max) {
                        break;
                    }
                }
            }
        }
        return 0;
    }
}
