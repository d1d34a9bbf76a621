package org.nianbao.events;

/** Kafka header names: CloudEvents binary mode plus the pipeline's correlation header. */
public final class Headers {
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SPECVERSION = "ce_specversion";
    /** The submission the event is about; also the correlation id across services. */
    public static final String SUBMISSION_ID = "nianbao_submission_id";
    /** Set by SmallRye on records sent to a dead-letter topic. */
    public static final String DLQ_REASON = "dead-letter-reason";
    public static final String DLQ_TOPIC = "dead-letter-topic";

    private Headers() {
    }
}
