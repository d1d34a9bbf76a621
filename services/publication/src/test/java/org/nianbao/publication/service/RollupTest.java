package org.nianbao.publication.service;

import org.junit.jupiter.api.Test;
import org.nianbao.model.Applications;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;
import org.nianbao.model.ReviewLitigation;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RollupTest {

    @Test
    void sumsBothFormatsCountingBlanksAsZeroAndFoldingTheSplitOtherRows() {
        Report a = new Report();
        a.format = ReportFormat.F2019;
        a.applications = Applications.blank(false);
        a.applications.rows.put("newReceived", Arrays.asList(34L, null, null, null, null, null, 34L));
        a.applications.rows.put("other", Arrays.asList(2L, null, null, null, null, null, 2L));
        a.reviewLitigation = new ReviewLitigation();
        a.reviewLitigation.review = new ReviewLitigation.Group(2L, 1L, null, null, 3L);
        Report b = new Report();
        b.format = ReportFormat.F2021;
        b.applications = Applications.blank(true);
        b.applications.rows.put("newReceived", Arrays.asList(9L, 1L, 0L, 0L, 0L, 0L, 10L));
        b.applications.rows.put("other.unpaidFee", Arrays.asList(1L, 0L, 0L, 0L, 0L, 0L, 1L));
        b.extraction.problem("applications.rows.granted", "unread");

        Rollup r = new Rollup("33", 2020).add(a).add(b);

        @SuppressWarnings("unchecked")
        Map<String, long[]> rows = (Map<String, long[]>) r.applications.get("rows");
        assertThat(rows.get("newReceived")).containsExactly(43, 1, 0, 0, 0, 0, 44);
        assertThat(rows.get("other")).containsExactly(3, 0, 0, 0, 0, 0, 3);
        assertThat(rows.get("other.unpaidFee")).containsExactly(1, 0, 0, 0, 0, 0, 1);
        assertThat(r.reviewLitigation.get("review")).containsEntry("total", 3L).containsEntry("other", 0L);
        assertThat(r.reports).isEqualTo(2);
        assertThat(r.reportsWithUnreadCells).isEqualTo(1);
        assertThat(r.formats).containsEntry("2019", 1).containsEntry("2021", 1);
    }
}
