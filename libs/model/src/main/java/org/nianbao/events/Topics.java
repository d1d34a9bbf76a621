package org.nianbao.events;

import java.util.List;

/** The pipeline's Kafka topics. Every consuming channel has its own dead-letter topic. */
public final class Topics {
    public static final String REPORT_SUBMITTED = "report-submitted";
    public static final String REPORT_PARSED = "report-parsed";
    public static final String REPORT_VALIDATED = "report-validated";
    public static final String REPORT_PUBLISHED = "report-published";

    /** Dead-letter topics, one per consuming service and channel. */
    public static final String DLQ_EXTRACTION = "report-submitted-extraction-dlq";
    public static final String DLQ_VALIDATION = "report-parsed-validation-dlq";
    public static final String DLQ_PUBLICATION = "report-validated-publication-dlq";
    public static final String DLQ_INTAKE_STATUS = "report-status-intake-dlq";

    public static final List<String> PIPELINE = List.of(REPORT_SUBMITTED, REPORT_PARSED, REPORT_VALIDATED, REPORT_PUBLISHED);
    public static final List<String> DEAD_LETTERS = List.of(DLQ_EXTRACTION, DLQ_VALIDATION, DLQ_PUBLICATION, DLQ_INTAKE_STATUS);

    private Topics() {
    }

    /** Every topic the system needs, pipeline topics first. */
    public static List<String> all() {
        return java.util.stream.Stream.concat(PIPELINE.stream(), DEAD_LETTERS.stream()).toList();
    }
}
