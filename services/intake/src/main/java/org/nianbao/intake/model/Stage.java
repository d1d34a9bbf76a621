package org.nianbao.intake.model;

/**
 * The stage a submission reached; IN_REVIEW only on a platform that reviews first (its report waits for a reviewer's
 * approval before it is published). Stages only move forward (see {@link SubmissionProgress}); FAILED is left when
 * the stage it blocked succeeds after all (a replayed dead letter) or a newer validation round supersedes it.
 */
public enum Stage {
    RECEIVED, PARSED, VALIDATED, IN_REVIEW, PUBLISHED, FAILED;

    /** The stage whose failure a dead-letter topic (or the topic its record came from) reports, if it is one. */
    public static java.util.Optional<Stage> blockedBy(String topic) {
        if (topic == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(switch (topic) {
            case org.nianbao.events.Topics.DLQ_EXTRACTION, org.nianbao.events.Topics.REPORT_SUBMITTED -> PARSED;
            case org.nianbao.events.Topics.DLQ_VALIDATION, org.nianbao.events.Topics.REPORT_PARSED -> VALIDATED;
            case org.nianbao.events.Topics.DLQ_PUBLICATION, org.nianbao.events.Topics.REPORT_VALIDATED -> PUBLISHED;
            default -> null;
        });
    }
}
