package org.nianbao.publication.service;

import org.junit.jupiter.api.Test;
import org.nianbao.model.OfficialTables;
import org.nianbao.publication.review.ProblemList;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** What a 问题清单 and a 整改通知 say of where a problem sits: a table's row and column, or a part of the report. */
class ProblemCellTest {
    @Test
    void aTableCellIsItsTableRowAndColumn() {
        ProblemList.Cell cell = ReviewService.cell("applications.rows.granted[0]", new BigDecimal("12"));
        assertThat(cell.table()).isEqualTo(OfficialTables.APPLICATIONS_HEADING);
        assertThat(cell.row()).isEqualTo("（一）予以公开");
        assertThat(cell.column()).isEqualTo("自然人");
        assertThat(cell.value()).isEqualByComparingTo("12");
    }

    @Test
    void aWholeRowAndThePartsOutsideTheTablesHaveTheirNames() {
        assertThat(ReviewService.cell("applications.rows.carriedOver", null).row()).isEqualTo("二、上年结转");
        ProblemList.Cell date = ReviewService.cell("publishedOn", null);
        assertThat(date.table()).isNull();
        assertThat(date.row()).isEqualTo("发布日期");
        assertThat(ReviewService.cell("sections.overview", null).row()).isEqualTo("正文 一、总体情况");
    }
}
