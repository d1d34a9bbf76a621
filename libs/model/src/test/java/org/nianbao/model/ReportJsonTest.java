package org.nianbao.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ReportJsonTest {

    @Test
    void writesTheFieldNamesOfTheCanonicalModel() throws Exception {
        Report r = new Report();
        r.format = ReportFormat.F2021;
        r.title = "平潭综合实验区2024年度政府信息公开工作年度报告";
        r.year = 2024;
        r.publishedOn = LocalDate.of(2025, 3, 10);
        r.active = ActiveDisclosure.blank(ReportFormat.F2021);
        r.active.set("fees", "amountWanYuan", new BigDecimal("24252.311082"));
        r.applications = Applications.blank(true);
        r.applications.rows.get("newReceived").set(6, 12L);
        r.reviewLitigation = new ReviewLitigation();
        r.reviewLitigation.review.total = 2L;

        JsonNode json = Json.mapper().valueToTree(r);

        assertThat(json.get("schema").asText()).isEqualTo("nianbao.report/v1");
        assertThat(json.get("format").asText()).isEqualTo("2021");
        assertThat(json.get("publishedOn").asText()).isEqualTo("2025-03-10");
        assertThat(json.at("/active/fees/amountWanYuan").decimalValue()).isEqualByComparingTo("24252.311082");
        assertThat(json.at("/active/rules/inForce").isNull()).isTrue();
        assertThat(json.at("/applications/columns/6").asText()).isEqualTo("total");
        assertThat(json.at("/applications/rows/newReceived/6").asLong()).isEqualTo(12);
        assertThat(json.at("/applications/rows/newReceived/0").isNull()).isTrue();
        assertThat(json.at("/applications/rows").size()).isEqualTo(25);
        assertThat(json.at("/reviewLitigation/review/total").asLong()).isEqualTo(2);
        assertThat(json.at("/sections").has("overview")).isTrue();
        assertThat(json.at("/extraction/problems").isArray()).isTrue();
    }

    @Test
    void readsBackWhatItWrites() throws Exception {
        Report r = new Report();
        r.format = ReportFormat.F2019;
        r.active = ActiveDisclosure.blank(ReportFormat.F2019);
        r.active.set("licensing", "change", new BigDecimal("-24"));
        r.applications = Applications.blank(false);
        r.extraction.problem("applications.rows.granted", "digits run together");

        Report back = Json.mapper().readValue(Json.mapper().writeValueAsString(r), Report.class);

        assertThat(back.format).isEqualTo(ReportFormat.F2019);
        assertThat(back.active.get("licensing", "change")).isEqualByComparingTo("-24");
        assertThat(back.applications.rows).hasSize(23).containsKey("other");
        assertThat(back.applications.otherSplit()).isFalse();
        assertThat(back.extraction.problems).extracting(Extraction.Problem::path).containsExactly("applications.rows.granted");
    }

    @Test
    void legacyAndUnknownFormatsRoundTrip() {
        assertThat(ReportFormat.of("legacy")).isEqualTo(ReportFormat.LEGACY);
        assertThat(ReportFormat.of("mixed").has2021ActiveTable()).isTrue();
        assertThat(ReportFormat.of("something else")).isEqualTo(ReportFormat.UNKNOWN);
        assertThat(Applications.rowKeys(true)).hasSize(25);
        assertThat(Applications.rowKeys(false)).hasSize(23);
        assertThat(Arrays.asList(new ReviewLitigation.Group(1L, 2L, 3L, 4L, 10L).cells())).containsExactly(1L, 2L, 3L, 4L, 10L);
    }
}
