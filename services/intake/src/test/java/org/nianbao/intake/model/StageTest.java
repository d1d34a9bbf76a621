package org.nianbao.intake.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StageTest {

    @Test
    void stagesOnlyMoveForward() {
        Submission s = new Submission();
        s.status = Stage.RECEIVED;
        Instant t = Instant.parse("2025-01-20T08:00:00Z");
        assertThat(s.advance(Stage.VALIDATED, t)).isTrue();
        assertThat(s.advance(Stage.PARSED, t)).as("a late PARSED event changes nothing").isFalse();
        assertThat(s.status).isEqualTo(Stage.VALIDATED);
        assertThat(s.parsedAt).isNull();
        assertThat(s.advance(Stage.PUBLISHED, t)).isTrue();
        assertThat(s.advance(Stage.PUBLISHED, t)).as("a redelivered PUBLISHED event changes nothing").isFalse();
        assertThat(s.publishedAt).isEqualTo(t);
    }

    @Test
    void aReplayedDeadLetterRevivesAFailedSubmission() {
        Submission s = new Submission();
        s.status = Stage.PARSED;
        assertThat(s.advance(Stage.FAILED, Instant.EPOCH)).isTrue();
        s.failureReason = "could not fetch the document";
        assertThat(s.advance(Stage.FAILED, Instant.EPOCH)).as("a second dead letter changes nothing").isFalse();
        assertThat(s.advance(Stage.VALIDATED, Instant.EPOCH)).isTrue();
        assertThat(s.failureReason).isNull();
        assertThat(s.status).isEqualTo(Stage.VALIDATED);
    }
}
