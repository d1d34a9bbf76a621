package org.nianbao.publication.service;

import org.junit.jupiter.api.Test;
import org.nianbao.validation.ValidationConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompletenessTest {
    private static final Registry.Agency CITY = new Registry.Agency("name:a", "淮安市人民政府", null, "320800", "prefecture");
    private static final Registry.Agency COUNTY = new Registry.Agency("name:b", "淮安市洪泽区人民政府", null, "320813", "county");
    private static final Registry.Agency BUREAU = new Registry.Agency("code:X", "淮安市发展和改革委员会", "91320800000000000X", "320800", "department");
    private static final Registry.Agency OFFICE = new Registry.Agency("name:d", "淮安市某办公室", null, "320800", null);

    @Test
    void eachAgencyIsOnTimeLateMissingOrNotYetDueByItsIssuerTypesDeadline() {
        List<Completeness.Published> reports = List.of(
                // prefecture deadline 2025-03-10: on time
                new Completeness.Published("r1", "淮安市人民政府", null, LocalDate.of(2025, 3, 10)),
                // county deadline 2025-02-20: late; matched by name despite the spaces
                new Completeness.Published("r2", "淮安市 洪泽区人民政府", null, LocalDate.of(2025, 3, 1)),
                // matched by code although the printed name differs
                new Completeness.Published("r3", "淮安市发改委", "91320800000000000X", null));
        Instant flagged = Instant.parse("2025-04-01T00:00:00Z");
        Completeness c = Completeness.of("3208", 2024, LocalDate.of(2025, 3, 20), List.of(CITY, COUNTY, BUREAU, OFFICE), reports,
                ValidationConfig.defaults(), Map.of("name:d", flagged));

        assertThat(c.expected).isEqualTo(4);
        assertThat(c.agencies).extracting(Completeness.Entry::status).containsExactly(Completeness.Status.ON_TIME,
                Completeness.Status.LATE, Completeness.Status.DATE_UNKNOWN, Completeness.Status.NOT_YET_DUE);
        assertThat(c.agencies.get(1).deadline()).isEqualTo(LocalDate.of(2025, 2, 20));
        assertThat(c.agencies.get(2).reportId()).isEqualTo("r3");
        // unknown issuer type: the latest deadline, 03-31
        assertThat(c.agencies.get(3).deadline()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(c.agencies.get(3).flaggedMissingAt()).isEqualTo(flagged);
        assertThat(c.counts).containsEntry(Completeness.Status.ON_TIME, 1).containsEntry(Completeness.Status.MISSING, 0);

        Completeness later = Completeness.of("3208", 2024, LocalDate.of(2025, 4, 1), List.of(OFFICE), List.of(),
                ValidationConfig.defaults(), Map.of());
        assertThat(later.agencies.get(0).status()).isEqualTo(Completeness.Status.MISSING);
    }
}
