package org.nianbao.publication.service;

import org.junit.jupiter.api.Test;
import org.nianbao.events.AgencyKey;
import org.nianbao.events.ReportHeld;
import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReportValidated;
import org.nianbao.events.ReviewPolicy;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;
import org.nianbao.publication.model.ReportRevision;
import org.nianbao.publication.model.ReviewHold;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which versions wait for a reviewer and which are published, by the platform's policy and the approvals. */
class ReviewGateTest {
    static ReportValidated version(String submission, int round, ReviewPolicy policy, int errors) {
        SubmissionMetadata metadata = new SubmissionMetadata("某局", null, "360101", null, 2024, null, null).reviewed(policy);
        List<Finding> findings = java.util.stream.IntStream.range(0, errors)
                .mapToObj(i -> Finding.of("C-0" + i, Severity.ERROR, List.of(), null, null, "错", "wrong")).toList();
        return ReportValidated.of(submission, 1, AgencyKey.of(null, "某局"), metadata, new Report(), findings, round, Instant.now());
    }

    @Test
    void reviewFirstHoldsAndReviewWhenErrorsHoldsOnlyWithErrors() {
        ReviewGate gate = new ReviewGate(List.of(), List.of());
        gate.decide(version("a", 1, ReviewPolicy.REVIEW_FIRST, 0), Instant.now());
        gate.decide(version("b", 1, ReviewPolicy.REVIEW_WHEN_ERRORS, 0), Instant.now());
        gate.decide(version("c", 1, ReviewPolicy.REVIEW_WHEN_ERRORS, 1), Instant.now());
        gate.decide(version("d", 1, ReviewPolicy.PUBLISH_AT_ONCE, 3), Instant.now());
        assertThat(gate.kept()).extracting(h -> h.submissionId).containsExactly("a", "c");
        assertThat(gate.toPublish()).extracting(ReportValidated::submissionId).containsExactly("b", "d");
        var published = gate.toPublish().stream().map(e -> ReportPublished.of(e, "r", Instant.now())).toList();
        assertThat(gate.outcomes(published)).extracting(e -> e.getClass().getSimpleName() + ":" + e.submissionId())
                .containsExactly("ReportHeld:a", "ReportPublished:b", "ReportHeld:c", "ReportPublished:d");
    }

    @Test
    void anApprovedRoundIsPublishedAndItsHoldReleasedButANewerRoundWaitsAgain() {
        ReviewHold approved = new ReviewHold();
        approved.submissionId = "a";
        approved.validationRound = 1;
        approved.approvedRound = 1;
        ReviewHold newer = new ReviewHold();
        newer.submissionId = "b";
        newer.validationRound = 1;
        newer.approvedRound = 1;
        newer.event = "{}";
        ReviewGate gate = new ReviewGate(List.of(), List.of(approved, newer));
        gate.decide(version("a", 1, ReviewPolicy.REVIEW_FIRST, 1), Instant.now());
        gate.decide(version("b", 2, ReviewPolicy.REVIEW_FIRST, 1), Instant.now());
        assertThat(gate.toPublish()).extracting(ReportValidated::submissionId).containsExactly("a");
        assertThat(gate.released()).containsExactly(approved);
        assertThat(newer.validationRound).isEqualTo(2);
        assertThat(newer.awaitsReview()).isTrue();
    }

    @Test
    void aVersionPublishedBeforeIsNotHeldAgain() {
        ReviewGate gate = new ReviewGate(List.of(new ReportRevision.Key("a", 1)), List.of());
        gate.decide(version("a", 1, ReviewPolicy.REVIEW_FIRST, 1), Instant.now());
        assertThat(gate.toPublish()).hasSize(1);
        assertThat(gate.outcomes(List.of(ReportPublished.of(gate.toPublish().get(0), "r", Instant.now()))).get(0))
                .isNotInstanceOf(ReportHeld.class);
    }
}
