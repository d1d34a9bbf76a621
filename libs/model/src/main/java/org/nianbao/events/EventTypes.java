package org.nianbao.events;

/** CloudEvents {@code type} values of the pipeline's events. */
public final class EventTypes {
    public static final String SUBMITTED = "org.nianbao.report.submitted.v1";
    public static final String PARSED = "org.nianbao.report.parsed.v1";
    public static final String VALIDATED = "org.nianbao.report.validated.v1";
    public static final String PUBLISHED = "org.nianbao.report.published.v1";
    /** Held for review, on the report-published topic ({@link ReportHeld}). */
    public static final String HELD = "org.nianbao.report.held.v1";

    private EventTypes() {
    }
}
