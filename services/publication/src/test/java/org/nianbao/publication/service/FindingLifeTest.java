package org.nianbao.publication.service;

import org.junit.jupiter.api.Test;
import org.nianbao.model.Finding;
import org.nianbao.model.Severity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.publication.service.FindingLife.State.NEW;
import static org.nianbao.publication.service.FindingLife.State.OPEN;
import static org.nianbao.publication.service.FindingLife.State.RESOLVED;

/** A finding is the same while the same rule rests on the same cells; its state follows the report's versions. */
class FindingLifeTest {
    private static final Finding SUM = finding("C-01", 12, "applications.rows.newReceived[6]");
    private static final Finding PROSE = finding("D-01", 30, "sections.overview", "applications.rows.newReceived[6]");
    private static final Finding FEE = finding("D-04", null, "sections.other");

    @Test
    void newOpenAndResolvedAcrossRevisionsAndRounds() {
        FindingLife.Version first = new FindingLife.Version("sub-1", 1, 1, List.of(SUM, PROSE));
        // round 2 of the same document: the prose finding again, on the same cells listed the other way, with another value
        FindingLife.Version second = new FindingLife.Version("sub-1", 1, 2,
                List.of(finding("D-01", 31, "applications.rows.newReceived[6]", "sections.overview"), FEE));

        List<FindingLife.Tracked> tracked = FindingLife.of(List.of(first, second));

        assertThat(tracked).extracting(t -> t.finding().rule(), FindingLife.Tracked::state, t -> t.since().validationRound())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("D-01", OPEN, 1), org.assertj.core.groups.Tuple.tuple("D-04", NEW, 2),
                        org.assertj.core.groups.Tuple.tuple("C-01", RESOLVED, 2));
        assertThat(tracked.get(0).finding().actual()).as("shown as the current version has it").isEqualTo(31);
        assertThat(tracked.get(2).finding()).as("a resolved finding as it was last seen").isEqualTo(SUM);
    }

    @Test
    void aFindingRaisedAgainAfterItWasResolvedIsNewAgainAndAResolvedOneStaysResolved() {
        FindingLife.Version first = new FindingLife.Version("sub-1", 1, 1, List.of(SUM, FEE));
        FindingLife.Version second = new FindingLife.Version("sub-2", 2, 1, List.of(FEE));
        FindingLife.Version third = new FindingLife.Version("sub-3", 3, 1, List.of(SUM));

        List<FindingLife.Tracked> tracked = FindingLife.of(List.of(first, second, third));

        assertThat(tracked).extracting(t -> t.finding().rule(), FindingLife.Tracked::state, t -> t.since().submissionId())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C-01", NEW, "sub-3"), org.assertj.core.groups.Tuple.tuple("D-04", RESOLVED, "sub-3"));
        assertThat(FindingLife.of(List.of())).isEmpty();
        assertThat(FindingLife.of(List.of(first))).extracting(FindingLife.Tracked::state).containsExactly(NEW, NEW);
    }

    private static Finding finding(String rule, Integer actual, String... paths) {
        return Finding.of(rule, Severity.ERROR, List.of(paths), null, actual, "问题", "A problem");
    }
}
