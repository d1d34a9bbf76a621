package org.nianbao.intake.ops;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nianbao.events.Topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Reads consumer-group lag and topic sizes with the Kafka admin client (blocking; call from a worker). */
@ApplicationScoped
public class KafkaBacklog {
    /** A consuming stage's backlog: records of its topic its consumer group has not yet committed (-1: unknown). */
    public record StageBacklog(String stage, String topic, String consumerGroup, long backlog) {
    }

    /** stage → (input topic, consumer group) */
    static final Map<String, String[]> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("extraction", new String[]{Topics.REPORT_SUBMITTED, "nianbao-extraction"});
        STAGES.put("validation", new String[]{Topics.REPORT_PARSED, "nianbao-validation"});
        STAGES.put("publication", new String[]{Topics.REPORT_VALIDATED, "nianbao-publication"});
        STAGES.put("intake-status", new String[]{Topics.REPORT_PUBLISHED, "nianbao-intake"});
    }

    private final Admin admin;

    KafkaBacklog(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000));
    }

    /** Each stage's backlog; -1 where it cannot be read (all of them, at once, while the broker is away). */
    public List<StageBacklog> stages() {
        boolean reachable = reachable();
        List<StageBacklog> out = new ArrayList<>();
        STAGES.forEach((stage, tg) -> out.add(new StageBacklog(stage, tg[0], tg[1],
                reachable ? lag(tg[0], tg[1]) : -1)));
        return out;
    }

    /** Whether the broker answers within 3 s: if not, the answer says so at once instead of waiting 10 s per question. */
    public boolean reachable() {
        try {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Records in each dead-letter topic (none listed while the broker is away). */
    public Map<String, Long> deadLetters() {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!reachable()) {
            return out;
        }
        for (String topic : Topics.DEAD_LETTERS) {
            Map<TopicPartition, Long> end = offsets(topic, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(topic, OffsetSpec.earliest());
            out.put(topic, end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L)).sum());
        }
        return out;
    }

    private long lag(String topic, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> end = offsets(topic, OffsetSpec.latest());
            return end.entrySet().stream().mapToLong(e -> {
                OffsetAndMetadata c = committed.get(e.getKey());
                return e.getValue() - (c == null ? 0 : c.offset());
            }).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec) {
        try {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            partitions.forEach(p -> request.put(new TopicPartition(topic, p.partition()), spec));
            return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> ((ListOffsetsResult.ListOffsetsResultInfo) e.getValue()).offset()));
        } catch (Exception e) {
            return Map.of();
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
