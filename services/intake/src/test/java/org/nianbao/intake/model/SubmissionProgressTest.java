package org.nianbao.intake.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A submission's events delivered out of order and twice: what it shows is always that of its newest facts. */
class SubmissionProgressTest {
    private static final Instant T = Instant.parse("2025-01-20T08:00:00Z");

    /** One delivery: a name for the failure message and what it does. */
    record Delivery(String name, Function<Submission, SubmissionProgress.Change> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Delivery PARSED = new Delivery("parsed", s -> SubmissionProgress.parsed(s, T));
    static final Delivery VALIDATED_1 = new Delivery("validated(1)", s -> SubmissionProgress.validated(s, 1, "[\"r1\"]", 3, 1, T));
    static final Delivery VALIDATED_2 = new Delivery("validated(2)", s -> SubmissionProgress.validated(s, 2, "[\"r2\"]", 0, 2, T.plusSeconds(60)));
    static final Delivery PUBLISHED_1 = new Delivery("published(1)", s -> SubmissionProgress.published(s, 1, "report-1", 3, 1, T));
    static final Delivery PUBLISHED_2 = new Delivery("published(2)", s -> SubmissionProgress.published(s, 2, "report-2", 0, 2, T.plusSeconds(60)));
    static final Delivery HELD_1 = new Delivery("held(1)", s -> SubmissionProgress.held(s, 1, T));
    static final Delivery HELD_2 = new Delivery("held(2)", s -> SubmissionProgress.held(s, 2, T.plusSeconds(60)));
    static final Delivery EXTRACTION_DLQ = new Delivery("extraction dead letter",
            s -> SubmissionProgress.failed(s, Stage.PARSED, null, "could not fetch the document", T));
    static final Delivery VALIDATION_DLQ = new Delivery("validation dead letter",
            s -> SubmissionProgress.failed(s, Stage.VALIDATED, null, "Failed to read any response from the server", T));
    static final Delivery PUBLICATION_DLQ_1 = new Delivery("publication dead letter (1)",
            s -> SubmissionProgress.failed(s, Stage.PUBLISHED, 1, "connection refused", T));

    private static Submission received() {
        Submission s = new Submission();
        s.id = "s";
        s.status = Stage.RECEIVED;
        return s;
    }

    /** Delivers in order, checking after each that the status never moves backwards. */
    private static Submission deliver(List<Delivery> deliveries) {
        Submission s = received();
        Stage reached = SubmissionProgress.reached(s);
        boolean published = false;
        for (Delivery d : deliveries) {
            d.apply().apply(s);
            Stage now = SubmissionProgress.reached(s);
            assertThat(now.ordinal()).as("%s moved %s back from %s in %s", d, s.status, reached, deliveries)
                    .isGreaterThanOrEqualTo(reached.ordinal());
            published |= s.status == Stage.PUBLISHED;
            if (published) {
                assertThat(s.status).as("PUBLISHED stays PUBLISHED (%s in %s)", d, deliveries).isEqualTo(Stage.PUBLISHED);
                assertThat(s.failureReason).isNull();
            }
            reached = now;
        }
        return s;
    }

    private static void assertShowsRoundTwoPublished(Submission s, List<Delivery> order) {
        assertThat(s.status).as("%s", order).isEqualTo(Stage.PUBLISHED);
        assertThat(s.failureReason).as("%s", order).isNull();
        assertThat(s.validationRound).as("%s", order).isEqualTo(2);
        assertThat(s.findings).as("%s", order).isEqualTo("[\"r2\"]");
        assertThat(s.errorCount).as("%s", order).isZero();
        assertThat(s.warningCount).as("%s", order).isEqualTo(2);
        assertThat(s.publishedRound).as("%s", order).isEqualTo(2);
        assertThat(s.reportId).as("%s", order).isEqualTo("report-2");
    }

    @Test
    void everyOrderOfTwoRoundsAndTheirDeadLettersEndsPublishedWithTheNewestRound() {
        List<Delivery> events = List.of(PARSED, VALIDATED_1, PUBLISHED_1, VALIDATED_2, PUBLISHED_2, PUBLICATION_DLQ_1, VALIDATION_DLQ);
        for (List<Delivery> order : permutations(events)) {
            assertShowsRoundTwoPublished(deliver(order), order);
        }
    }

    @Test
    void everyEventDeliveredTwiceInAnyOrderChangesNothingTheSecondTime() {
        List<Delivery> twice = new ArrayList<>();
        for (Delivery d : List.of(PARSED, VALIDATED_1, PUBLISHED_1, VALIDATED_2, PUBLISHED_2, PUBLICATION_DLQ_1, EXTRACTION_DLQ)) {
            twice.add(d);
            twice.add(d);
        }
        Random random = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            List<Delivery> order = new ArrayList<>(twice);
            Collections.shuffle(order, random);
            assertShowsRoundTwoPublished(deliver(order), order);
        }
    }

    @Test
    void aHeldVersionWaitsInReviewAndTheHoldIsToldOnce() {
        Submission s = deliver(List.of(PARSED, VALIDATED_1));
        SubmissionProgress.Change held = HELD_1.apply().apply(s);
        assertThat(s.status).isEqualTo(Stage.IN_REVIEW);
        assertThat(held.decision()).isEqualTo(Stage.IN_REVIEW);
        assertThat(HELD_1.apply().apply(s).applied()).isFalse();
        assertThat(PUBLISHED_1.apply().apply(s).decision()).isEqualTo(Stage.PUBLISHED);
        assertThat(s.status).isEqualTo(Stage.PUBLISHED);
        // a newer round held while round 1 is public leaves it PUBLISHED
        VALIDATED_2.apply().apply(s);
        assertThat(HELD_2.apply().apply(s).applied()).isFalse();
        assertThat(s.status).isEqualTo(Stage.PUBLISHED);
    }

    @Test
    void everyOrderOfTwoReviewedRoundsEndsPublishedWithTheNewestRound() {
        List<Delivery> events = List.of(PARSED, VALIDATED_1, HELD_1, PUBLISHED_1, VALIDATED_2, HELD_2, PUBLISHED_2);
        for (List<Delivery> order : permutations(events)) {
            assertShowsRoundTwoPublished(deliver(order), order);
        }
    }

    @Test
    void aRedeliveryIsNotApplied() {
        Submission s = received();
        assertThat(PARSED.apply().apply(s).applied()).isTrue();
        assertThat(PARSED.apply().apply(s).applied()).isFalse();
        assertThat(VALIDATED_1.apply().apply(s).applied()).isTrue();
        assertThat(VALIDATED_1.apply().apply(s).applied()).isFalse();
        SubmissionProgress.Change published = PUBLISHED_1.apply().apply(s);
        assertThat(published.applied()).isTrue();
        assertThat(published.decision()).isEqualTo(Stage.PUBLISHED);
        SubmissionProgress.Change again = PUBLISHED_1.apply().apply(s);
        assertThat(again.applied()).isFalse();
        assertThat(again.decision()).as("no second webhook").isNull();
    }

    @Test
    void anOldRoundAfterANewOneChangesNothing() {
        Submission s = deliver(List.of(PARSED, VALIDATED_2, VALIDATED_1));
        assertThat(s.validationRound).isEqualTo(2);
        assertThat(s.findings).isEqualTo("[\"r2\"]");
        assertThat(s.errorCount).isZero();
        assertThat(VALIDATED_1.apply().apply(s).detail()).contains("older");
    }

    @Test
    void aNewerRoundUpdatesThePublishedSubmissionsFindingsAndItStaysPublished() {
        Submission s = deliver(List.of(PARSED, VALIDATED_1, PUBLISHED_1, VALIDATED_2));
        assertThat(s.status).isEqualTo(Stage.PUBLISHED);
        assertThat(s.findings).isEqualTo("[\"r2\"]");
        assertThat(s.errorCount).isZero();
        assertThat(s.reportId).isEqualTo("report-1");
    }

    @Test
    void anOldRoundPublishedAfterTheNewerFindingsKeepsTheNewerCounts() {
        Submission s = deliver(List.of(PARSED, VALIDATED_1, VALIDATED_2, PUBLISHED_1));
        assertThat(s.status).isEqualTo(Stage.PUBLISHED);
        assertThat(s.errorCount).isZero();
        assertThat(s.warningCount).isEqualTo(2);
    }

    @Test
    void aLateDeadLetterOfAPublishedSubmissionIsHistoryOnly() {
        Submission s = deliver(List.of(PARSED, VALIDATED_1, PUBLISHED_1));
        for (Delivery dlq : List.of(EXTRACTION_DLQ, VALIDATION_DLQ, PUBLICATION_DLQ_1)) {
            SubmissionProgress.Change change = dlq.apply().apply(s);
            assertThat(change.applied()).isFalse();
            assertThat(change.detail()).startsWith("history only");
        }
        assertThat(s.status).isEqualTo(Stage.PUBLISHED);
        assertThat(s.failureReason).isNull();
    }

    @Test
    void aDeadLetterOfAStageNotYetPassedFailsTheSubmissionOnce() {
        Submission s = deliver(List.of(PARSED));
        SubmissionProgress.Change failed = VALIDATION_DLQ.apply().apply(s);
        assertThat(failed.decision()).isEqualTo(Stage.FAILED);
        assertThat(s.status).isEqualTo(Stage.FAILED);
        assertThat(s.failureReason).isEqualTo("Failed to read any response from the server");
        assertThat(VALIDATION_DLQ.apply().apply(s).applied()).as("redelivered").isFalse();
        assertThat(PARSED.apply().apply(s).applied()).as("a late parsed event does not hide the failure").isFalse();
        assertThat(s.status).isEqualTo(Stage.FAILED);
    }

    @Test
    void aReplayedDeadLetterMovesAFailedSubmissionForward() {
        Submission s = deliver(List.of(PARSED, VALIDATED_1, PUBLICATION_DLQ_1));
        assertThat(s.status).isEqualTo(Stage.FAILED);
        SubmissionProgress.Change published = PUBLISHED_1.apply().apply(s);
        assertThat(published.decision()).isEqualTo(Stage.PUBLISHED);
        assertThat(s.status).isEqualTo(Stage.PUBLISHED);
        assertThat(s.failureReason).isNull();
        assertThat(s.failedStage).isNull();
    }

    @Test
    void aFailureOfAnOlderRoundsPublicationIsHistoryOnce() {
        Submission s = deliver(List.of(PARSED, VALIDATED_1, VALIDATED_2, PUBLICATION_DLQ_1));
        assertThat(s.status).isEqualTo(Stage.VALIDATED);
        assertThat(s.failureReason).isNull();
    }

    @Test
    void anAdministratorsReplayStartsFromReceivedAndTheSameRoundsMoveItForwardAgain() {
        Submission s = deliver(List.of(EXTRACTION_DLQ));
        assertThat(s.status).isEqualTo(Stage.FAILED);
        s = deliver(List.of(PARSED, VALIDATED_1, PUBLISHED_1));
        SubmissionProgress.restart(s);
        assertThat(s.status).isEqualTo(Stage.RECEIVED);
        for (Delivery d : List.of(PARSED, VALIDATED_1, PUBLISHED_1)) {
            assertThat(d.apply().apply(s).applied()).as(d.name()).isTrue();
        }
        assertThat(s.status).isEqualTo(Stage.PUBLISHED);
        assertThat(s.reportId).isEqualTo("report-1");
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> p = new ArrayList<>();
                p.add(first);
                p.addAll(tail);
                all.add(p);
            }
        }
        return all;
    }
}
