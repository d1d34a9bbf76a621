package org.nianbao.intake.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nianbao.web.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionFieldsTest {

    private static void refused(Map<String, String> fields, String detail) {
        assertThatThrownBy(() -> SubmissionFields.metadata(fields)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    @Test
    void theDomainsHoldAtTheirBounds() {
        int next = SubmissionFields.lastYear();
        assertThat(SubmissionFields.metadata(Map.of("year", "2007")).year()).isEqualTo(2007);
        assertThat(SubmissionFields.metadata(Map.of("year", " " + next + " ")).year()).isEqualTo(next);
        refused(Map.of("year", "2006"), "between 2007 and " + next);
        refused(Map.of("year", String.valueOf(next + 1)), "between 2007 and " + next);
        assertThat(SubmissionFields.metadata(Map.of("year", "2024", "publishedOn", "2024-12-31")).publishedOn())
                .isEqualTo(LocalDate.of(2024, 12, 31));
        refused(Map.of("year", "2024", "publishedOn", "2024-12-30"), "before the end of the report year (2024-12-31)");
        refused(Map.of("publishedOn", "2001-05-01"), "before the end of the report year (2007-12-31)");
        assertThat(SubmissionFields.metadata(Map.of("issuerType", "County")).issuerType().code()).isEqualTo("county");
        refused(Map.of("issuerType", "emperor"), "issuerType must be one of");
        refused(Map.of("agency", "a\u0000b"), "control characters");
        refused(Map.of("agency", "局".repeat(201)), "agency has 201 characters; at most 200");
        assertThat(SubmissionFields.metadata(Map.of("sourceUrl", "https://www.gov.cn/a?b=c")).sourceUrl()).isEqualTo("https://www.gov.cn/a?b=c");
        refused(Map.of("sourceUrl", "javascript:alert(1)"), "http:// or https://");
    }

    @Test
    void jsonFieldsMustHaveTheirTypes() throws Exception {
        var json = new ObjectMapper().readTree("{\"year\": 2024, \"agency\": \"局\", \"regionCode\": null, \"sourceUrl\": {\"a\": 1}}");
        assertThat(SubmissionFields.fromJson(json, List.of("year", "agency", "regionCode"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("year", "2024", "agency", "局"));
        assertThatThrownBy(() -> SubmissionFields.fromJson(json, List.of("sourceUrl")))
                .hasMessage("'sourceUrl' must be a string, not an object.");
    }

    @Test
    void theIdempotencyKeyIsShortPrintableAscii() {
        assertThat(SubmissionFields.idempotencyKey(" batch-7/item-1 ")).isEqualTo("batch-7/item-1");
        assertThat(SubmissionFields.idempotencyKey("")).isNull();
        assertThatThrownBy(() -> SubmissionFields.idempotencyKey("键")).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> SubmissionFields.idempotencyKey("k".repeat(201))).hasMessageContaining("at most 200");
    }
}
