package org.nianbao.validationservice.service;

import org.junit.jupiter.api.Test;
import org.nianbao.validationservice.model.ValidatedReport;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cross-year sweep's selection: which stored reports were not validated against their latest previous year. */
class CrossYearTest {
    private static final Instant T0 = Instant.parse("2025-02-01T00:00:00Z");

    private static CrossYear.Stored report(String id, String agency, int year, int revision, String sha, String against) {
        return new CrossYear.Stored(id, agency, year, revision, T0.plusSeconds(revision), sha, against);
    }

    @Test
    void aReportValidatedAgainstAnOlderRevisionOfItsPreviousYearIsSelected() {
        var y2019r1 = report("a-2019-1", "code:A", 2019, 1, "s1", null);
        var y2019r2 = report("a-2019-2", "code:A", 2019, 2, "s2", null);
        // 2020 was validated against revision 1 of 2019; revision 2 arrived later
        var y2020 = report("a-2020", "code:A", 2020, 1, "s3", CrossYear.fingerprint("a-2019-1", "s1"));
        assertThat(CrossYear.stale(List.of(y2019r1, y2019r2, y2020))).containsExactly("a-2020");
    }

    @Test
    void aReportValidatedAgainstItsLatestPreviousYearAsItReadsNowIsNot() {
        var y2019 = report("b-2019", "code:B", 2019, 1, "s1", null);
        var y2020 = report("b-2020", "code:B", 2020, 1, "s2", CrossYear.fingerprint("b-2019", "s1"));
        assertThat(CrossYear.stale(List.of(y2019, y2020))).isEmpty();
        // the same previous-year submission read differently (a replay after an extractor upgrade)
        var reread = report("b-2019", "code:B", 2019, 1, "s1-new", null);
        assertThat(CrossYear.stale(List.of(reread, y2020))).containsExactly("b-2020");
    }

    @Test
    void reportsWithoutAStoredPreviousYearOrAKnownAgencyAreLeftAlone() {
        var alone = report("c-2020", "code:C", 2020, 1, "s1", null);
        var gap = report("c-2018", "code:C", 2018, 1, "s0", null); // 2019 is missing: nothing to compare 2020 with
        var noAgency = report("d-2020", "submission:d-2020", 2020, 1, "s2", null);
        var noAgencyPrevious = report("d-2019", "submission:d-2020", 2019, 1, "s3", null);
        assertThat(CrossYear.stale(List.of(alone, gap, noAgency, noAgencyPrevious))).isEmpty();
    }

    @Test
    void onlyTheLatestRevisionOfAYearIsReValidated() {
        var y2019 = report("e-2019", "code:E", 2019, 1, "s1", null);
        var y2020r1 = report("e-2020-1", "code:E", 2020, 1, "s2", null);
        var y2020r2 = report("e-2020-2", "code:E", 2020, 2, "s3", null);
        assertThat(CrossYear.stale(List.of(y2019, y2020r1, y2020r2))).containsExactly("e-2020-2");
    }

    @Test
    void theFingerprintNamesTheReportAndTheDigestOfItsModel() {
        ValidatedReport previous = new ValidatedReport();
        previous.submissionId = "f-2019";
        previous.report = "{\"year\":2019}";
        assertThat(CrossYear.fingerprint(previous))
                .isEqualTo("f-2019@" + org.nianbao.events.AgencyKey.sha256("{\"year\":2019}"));
        assertThat(CrossYear.fingerprint((ValidatedReport) null)).isNull();
    }
}
