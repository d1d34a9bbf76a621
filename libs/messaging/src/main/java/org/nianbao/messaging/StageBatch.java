package org.nianbao.messaging;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.util.Arrays;
import java.util.List;

/**
 * The records of one batch a stage consumes. From Kafka (a channel with {@code batch=true}) each record is a message
 * of its own, acknowledged or dead-lettered on its own; {@link #of} builds the same from single messages, for another
 * connector (the in-memory one of the tests).
 */
public final class StageBatch {
    private StageBatch() {
    }

    /** The records' messages, in the order they were polled (each partition's in offset order). */
    @SuppressWarnings("unchecked")
    public static List<Message<String>> records(Message<List<String>> batch) {
        return batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(kafka -> (List<Message<String>>) (List<?>) kafka.getBatchedMessages())
                .or(() -> batch.getMetadata(Records.class).map(Records::records))
                .orElseGet(() -> batch.getPayload().stream().map(Message::of).toList());
    }

    /** A batch of single messages, each keeping its own acknowledgement. */
    @SafeVarargs
    public static Message<List<String>> of(Message<String>... records) {
        return of(Arrays.asList(records));
    }

    /** A batch of single messages, each keeping its own acknowledgement. */
    public static Message<List<String>> of(List<Message<String>> records) {
        List<Message<String>> copy = List.copyOf(records);
        return Message.of(copy.stream().map(Message::getPayload).toList(), Metadata.of(new Records(copy)));
    }

    /** The metadata that carries a built batch's messages. */
    record Records(List<Message<String>> records) {
    }
}
