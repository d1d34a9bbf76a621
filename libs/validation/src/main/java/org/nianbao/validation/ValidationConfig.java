package org.nianbao.validation;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;

import org.nianbao.model.IssuerType;

/**
 * The thresholds of the rule catalogue, all configurable.
 *
 * @param deadlines          publication deadline (in year N+1) by issuer type
 * @param unknownWarning     deadline past which a report of unknown issuer type is warned about
 * @param unknownError       deadline past which a report of unknown issuer type is an error
 * @param duplicationRatio   E-04: share of the whole text repeated from last year that is too much
 * @param problemsDuplicationRatio E-04: the same for part 五 alone
 * @param otherShare         E-06: share of 其他处理 among processed applications that is high
 * @param overviewWarnLength E-01: CJK characters of part 一 above which a 2021+ report is warned about
 * @param swingFactor        F-05: relative year-on-year change that is flagged
 */
public record ValidationConfig(Map<IssuerType, MonthDay> deadlines, MonthDay unknownWarning, MonthDay unknownError,
                               double duplicationRatio, double problemsDuplicationRatio, double otherShare,
                               int overviewWarnLength, double swingFactor) {

    /**
     * The thresholds of {@code docs/validation-rules.md}: the one place the defaults are written. The services
     * set theirs over these through {@link ValidationSettings}; the command line and the benchmarks use these.
     */
    public static ValidationConfig defaults() {
        return new ValidationConfig(Map.of(
                IssuerType.DEPARTMENT, MonthDay.of(1, 31),
                IssuerType.COUNTY, MonthDay.of(2, 20),
                IssuerType.PREFECTURE, MonthDay.of(3, 10),
                IssuerType.PROVINCE, MonthDay.of(3, 31)),
                MonthDay.of(1, 31), MonthDay.of(3, 31), 0.5, 0.8, 0.10, 1000, 5.0);
    }

    /** The last day a report of {@code year} by this issuer type may be published; unknown type: the latest deadline. */
    public LocalDate deadline(IssuerType issuerType, int year) {
        MonthDay due = issuerType == null ? null : deadlines.get(issuerType);
        return (due == null ? unknownError : due).atYear(year + 1);
    }
}
