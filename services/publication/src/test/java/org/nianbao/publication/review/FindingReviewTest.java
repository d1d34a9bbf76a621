package org.nianbao.publication.review;

import org.junit.jupiter.api.Test;
import org.nianbao.model.Finding;
import org.nianbao.model.Severity;
import org.nianbao.publication.service.FindingLife;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A decision follows its finding across versions; a dismissal holds only while the finding shows the same values. */
class FindingReviewTest {
    static final String CELL = "applications.rows.newReceived[6]";
    static final Finding SUM = Finding.of("C-01", Severity.ERROR, List.of(CELL), 10, 11, "合计不符", "Total differs");

    static List<FindingLife.Tracked> current(Finding... findings) {
        return FindingLife.of(List.of(new FindingLife.Version("s1", 1, 1, List.of(findings))));
    }

    static FindingReview.Decided decided(FindingReview.Decision decision, Finding f, Map<String, BigDecimal> cells) {
        return new FindingReview.Decided(FindingLife.Identity.of(f), decision, "理由", "审核员", Instant.now(), FindingReview.values(f, cells));
    }

    @Test
    void aDismissedFindingIsNotRaisedWhileItsValuesStayTheSame() {
        Map<String, BigDecimal> cells = Map.of(CELL, new BigDecimal("11"));
        var decision = decided(FindingReview.Decision.DISMISSED, SUM, cells);
        var reviewed = FindingReview.of(current(SUM), Map.of(decision.identity(), decision), Map.of(CELL, new BigDecimal("11.0")));
        assertThat(reviewed.get(0).dismissed()).isTrue();
        assertThat(reviewed.get(0).raisedAgain()).isFalse();
    }

    @Test
    void aDismissedFindingIsRaisedAgainWhenItsCellChanges() {
        var decision = decided(FindingReview.Decision.DISMISSED, SUM, Map.of(CELL, new BigDecimal("11")));
        Finding changed = Finding.of("C-01", Severity.ERROR, List.of(CELL), 10, 12, "合计不符", "Total differs");
        var reviewed = FindingReview.of(current(changed), Map.of(decision.identity(), decision), Map.of(CELL, new BigDecimal("12")));
        assertThat(reviewed.get(0).dismissed()).isFalse();
        assertThat(reviewed.get(0).raisedAgain()).isTrue();
    }

    @Test
    void aConfirmationFollowsTheFindingWhateverItsValues() {
        var decision = decided(FindingReview.Decision.CONFIRMED, SUM, Map.of(CELL, new BigDecimal("11")));
        Finding other = Finding.of("C-02", Severity.ERROR, List.of(CELL), 1, 2, "另一规则", "Another rule");
        var reviewed = FindingReview.of(current(SUM, other), Map.of(decision.identity(), decision), Map.of(CELL, new BigDecimal("13")));
        assertThat(reviewed.get(0).confirmed()).isTrue();
        assertThat(reviewed.get(1).decision()).isNull();
    }
}
