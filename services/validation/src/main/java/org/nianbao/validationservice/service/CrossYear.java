package org.nianbao.validationservice.service;

import org.nianbao.events.AgencyKey;
import org.nianbao.validationservice.model.ValidatedReport;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Which previous year a report was validated against, and which stored reports were not validated against
 * their agency's latest previous year (the cross-year sweep's selection).
 */
public final class CrossYear {
    /** The order of {@code ValidatedReportRepository.latest}: the newest revision, then the latest received. */
    static final Comparator<Stored> NEWEST_FIRST = newestFirst(Stored::revision, Stored::receivedAt);
    /** {@link #NEWEST_FIRST} for stored rows. */
    static final Comparator<ValidatedReport> NEWEST_ROW_FIRST = newestFirst(r -> r.revision, r -> r.receivedAt);

    private CrossYear() {
    }

    private static <T> Comparator<T> newestFirst(ToIntFunction<T> revision, Function<T, Instant> receivedAt) {
        return Comparator.comparingInt(revision).reversed().thenComparing(receivedAt, Comparator.reverseOrder());
    }

    /** Only reports of a known agency and year have a previous year. */
    public static boolean comparable(String agencyKey, Integer year) {
        return year != null && AgencyKey.isAgency(agencyKey);
    }

    /** What a report validated against {@code previous} records: that report and the exact model it had. */
    static String fingerprint(ValidatedReport previous) {
        return previous == null ? null : fingerprint(previous.submissionId, AgencyKey.sha256(previous.report));
    }

    static String fingerprint(String submissionId, String reportSha256) {
        return submissionId + "@" + reportSha256;
    }

    /** Whether a report validated against {@code validatedAgainst} must be validated again, {@code previous} being its latest previous year. */
    static boolean stale(String validatedAgainst, String previousFingerprint) {
        return previousFingerprint != null && !previousFingerprint.equals(validatedAgainst);
    }

    /** A stored report as the sweep reads it (without the model, only its digest). */
    public record Stored(String submissionId, String agencyKey, Integer year, int revision, Instant receivedAt,
                         String reportSha256, String validatedAgainst) {
        String fingerprint() {
            return CrossYear.fingerprint(submissionId, reportSha256);
        }
    }

    /**
     * The reports to re-validate: of each agency's year, the latest revision, when its agency's latest previous
     * year is stored and is not the report (or the reading of it) it was last validated against.
     */
    static List<String> stale(Collection<Stored> reports) {
        Map<String, Stored> latest = new HashMap<>();
        for (Stored r : reports) {
            if (comparable(r.agencyKey(), r.year())) {
                latest.merge(r.agencyKey() + "|" + r.year(), r, (a, b) -> NEWEST_FIRST.compare(a, b) <= 0 ? a : b);
            }
        }
        return latest.values().stream()
                .filter(r -> {
                    Stored previous = latest.get(r.agencyKey() + "|" + (r.year() - 1));
                    return stale(r.validatedAgainst(), previous == null ? null : previous.fingerprint());
                })
                .sorted(Comparator.comparing(Stored::agencyKey).thenComparing(Stored::year))
                .map(Stored::submissionId)
                .toList();
    }
}
