package org.nianbao.intake.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether an event or a dead letter is progress for a submission, and applies it only then, so what a
 * submission shows is always true whatever order its events arrive in and however often:
 * <ul>
 * <li>the status never moves backwards: it moves to a stage only if the submission has not reached it yet
 * (a FAILED submission has reached the stage before the one its failure blocked);</li>
 * <li>findings and counts are those of the newest validation round: a round older than the one shown, or the same
 * round again, changes nothing; a PUBLISHED submission stays PUBLISHED when a newer round is validated, and shows
 * that round's findings;</li>
 * <li>the published report is that of the newest published round;</li>
 * <li>a dead letter marks the submission FAILED only if it has not passed the stage that failed (nor, for
 * publication, had a newer round validated since): otherwise it is history, not status.</li>
 * </ul>
 * An administrator's replay ({@link #restart}) starts the status again from RECEIVED but keeps the rounds, so the
 * replayed events move it forward again.
 */
public final class SubmissionProgress {

    /**
     * What an event did: {@code applied} when it changed the submission; {@code decision} the final stage a platform
     * is told of (PUBLISHED or FAILED, webhook), null when none; {@code detail} says why, for the history.
     */
    public record Change(boolean applied, Stage decision, String detail) {
        static Change ignored(String why) {
            return new Change(false, null, why);
        }

        static Change applied(String what) {
            return new Change(true, null, what);
        }

        static Change decided(Stage decision, String what) {
            return new Change(true, decision, what);
        }
    }

    private SubmissionProgress() {
    }

    /** How far the submission got: its stage, or while FAILED the stage before the one that failed. */
    public static Stage reached(Submission s) {
        if (s.status != Stage.FAILED) {
            return s.status;
        }
        Stage blocked = s.failedStage == null ? Stage.PARSED : s.failedStage;
        // a failed publication got as far as validation (review is not a stage every submission passes)
        return blocked == Stage.PUBLISHED ? Stage.VALIDATED : Stage.values()[Math.max(0, blocked.ordinal() - 1)];
    }

    private static boolean before(Submission s, Stage stage) {
        return reached(s).ordinal() < stage.ordinal();
    }

    /** Extraction read the document. */
    public static Change parsed(Submission s, Instant at) {
        if (!before(s, Stage.PARSED)) {
            return Change.ignored("already " + s.status);
        }
        moveTo(s, Stage.PARSED);
        s.parsedAt = at;
        return Change.applied("PARSED");
    }

    /** Validation round {@code round} found {@code findings} (JSON) with these counts. */
    public static Change validated(Submission s, int round, String findings, int errors, int warnings, Instant at) {
        if (round < s.validationRound) {
            return Change.ignored("round " + round + " is older than round " + s.validationRound + " shown");
        }
        boolean newer = round > s.validationRound;
        // A newer round supersedes a failure of an older one (publication will try it); the same round moves the
        // status only where it has not got that far (a replay).
        boolean moves = before(s, Stage.VALIDATED) || (s.status == Stage.FAILED && newer);
        if (!newer && !moves) {
            return Change.ignored("round " + round + " already shown");
        }
        if (newer) {
            s.validationRound = round;
            s.findings = findings;
            s.errorCount = errors;
            s.warningCount = warnings;
            s.validatedAt = at;
        }
        if (moves) {
            moveTo(s, Stage.VALIDATED);
            if (!newer) {
                s.validatedAt = at;
            }
        }
        return Change.applied(moves ? "VALIDATED (round " + round + ")" : "findings of round " + round + ", still " + s.status);
    }

    /**
     * Publication holds round {@code round} for a reviewer: the submission waits IN_REVIEW (its platform is told) until
     * the approved round is published. A newer round held while an older one is public leaves it PUBLISHED.
     */
    public static Change held(Submission s, int round, Instant at) {
        if (round < s.validationRound) {
            return Change.ignored("round " + round + " is older than round " + s.validationRound + " shown");
        }
        if (!before(s, Stage.IN_REVIEW)) {
            return Change.ignored(s.status == Stage.PUBLISHED
                    ? "round " + round + " held for review; round " + s.publishedRound + " stays published"
                    : "already " + s.status);
        }
        moveTo(s, Stage.IN_REVIEW);
        s.heldAt = at;
        return Change.decided(Stage.IN_REVIEW, "IN_REVIEW (round " + round + "): held for a reviewer");
    }

    /** Publication stored round {@code round} as report {@code reportId}; the counts are that round's. */
    public static Change published(Submission s, int round, String reportId, int errors, int warnings, Instant at) {
        if (round < s.publishedRound) {
            return Change.ignored("round " + round + " is older than published round " + s.publishedRound);
        }
        boolean newer = round > s.publishedRound;
        boolean moves = before(s, Stage.PUBLISHED);
        if (!newer && !moves) {
            return Change.ignored("round " + round + " already published");
        }
        if (newer) {
            s.publishedRound = round;
            s.reportId = reportId;
            if (round >= s.validationRound) {
                // Counts come from the newest round known: these, unless newer findings were shown already.
                s.errorCount = errors;
                s.warningCount = warnings;
            }
        }
        s.publishedAt = at;
        if (moves) {
            moveTo(s, Stage.PUBLISHED);
        }
        return Change.decided(Stage.PUBLISHED, "PUBLISHED (round " + round + ")");
    }

    /**
     * A dead letter: the stage {@code blocked} failed for {@code reason}; {@code round} is the validation round of a
     * failed publication (null for other stages).
     */
    public static Change failed(Submission s, Stage blocked, Integer round, String reason, Instant at) {
        if (!before(s, blocked)) {
            return Change.ignored("history only: the submission reached " + reached(s) + " since");
        }
        if (round != null && round < s.validationRound) {
            return Change.ignored("history only: round " + round + " was superseded by round " + s.validationRound);
        }
        if (s.status == Stage.FAILED && s.failedStage == blocked && Objects.equals(s.failureReason, reason)) {
            return Change.ignored("already FAILED for this reason");
        }
        boolean decision = s.status != Stage.FAILED;
        s.status = Stage.FAILED;
        s.failedStage = blocked;
        s.failureReason = reason;
        s.failedAt = at;
        return decision ? Change.decided(Stage.FAILED, "FAILED at " + blocked) : Change.applied("FAILED at " + blocked + ", new reason");
    }

    /** An administrator sends the submission through the pipeline again: it starts from RECEIVED, its rounds kept. */
    public static void restart(Submission s) {
        s.status = Stage.RECEIVED;
        s.failureReason = null;
        s.failedStage = null;
    }

    private static void moveTo(Submission s, Stage stage) {
        s.status = stage;
        s.failureReason = null;
        s.failedStage = null;
    }
}
