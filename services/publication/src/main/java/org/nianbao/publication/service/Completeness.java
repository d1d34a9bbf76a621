package org.nianbao.publication.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.nianbao.validation.ValidationConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which registered agencies of a region have published their report for a year, on time or late, and
 * which have not. An agency matches a report by its 统一社会信用代码 when both have one, else by its
 * whitespace-free name. The deadline is the issuer type's, the latest one when the type is unknown.
 */
@JsonPropertyOrder({"region", "year", "asOf", "expected", "counts", "agencies"})
public final class Completeness {

    public enum Status {
        /** Published by the deadline. */
        ON_TIME,
        /** Published after the deadline. */
        LATE,
        /** Published, but no publication date is known, so lateness cannot be told. */
        DATE_UNKNOWN,
        /** Not published, and the deadline has passed. */
        MISSING,
        /** Not published yet, and the deadline has not passed. */
        NOT_YET_DUE
    }

    /** A published report as completeness needs it. */
    public record Published(String reportId, String agency, String agencyCode, LocalDate publishedOn) {
    }

    /** One registered agency's state for the year. */
    public record Entry(String agencyKey, String agency, String agencyCode, String regionCode, String issuerType, LocalDate deadline,
                        Status status, String reportId, LocalDate publishedOn, Instant flaggedMissingAt) {
    }

    public String region;
    public int year;
    public LocalDate asOf;
    public int expected;
    public final Map<Status, Integer> counts = new EnumMap<>(Status.class);
    public final List<Entry> agencies = new ArrayList<>();

    /**
     * @param flagged when the missing-report sweep flagged each agency (by registry id), if it did
     */
    public static Completeness of(String region, int year, LocalDate today, List<Registry.Agency> registry,
                                  List<Published> reports, ValidationConfig config, Map<String, Instant> flagged) {
        Map<String, Published> byCode = new HashMap<>();
        Map<String, Published> byName = new HashMap<>();
        for (Published p : reports) {
            if (p.agencyCode() != null) {
                byCode.putIfAbsent(p.agencyCode().toUpperCase(Locale.ROOT), p);
            }
            if (p.agency() != null) {
                byName.putIfAbsent(compact(p.agency()), p);
            }
        }
        Completeness c = new Completeness();
        c.region = region;
        c.year = year;
        c.asOf = today;
        for (Status s : Status.values()) {
            c.counts.put(s, 0);
        }
        for (Registry.Agency a : registry) {
            Published p = a.code() != null && byCode.containsKey(a.code()) ? byCode.get(a.code()) : byName.get(compact(a.name()));
            LocalDate deadline = config.deadline(org.nianbao.model.IssuerType.parse(a.issuerType()).orElse(null), year);
            Status status;
            if (p == null) {
                status = today.isAfter(deadline) ? Status.MISSING : Status.NOT_YET_DUE;
            } else if (p.publishedOn() == null) {
                status = Status.DATE_UNKNOWN;
            } else {
                status = p.publishedOn().isAfter(deadline) ? Status.LATE : Status.ON_TIME;
            }
            c.counts.merge(status, 1, Integer::sum);
            c.agencies.add(new Entry(a.id(), a.name(), a.code(), a.region(), a.issuerType(), deadline, status,
                    p == null ? null : p.reportId(), p == null ? null : p.publishedOn(), p == null ? flagged.get(a.id()) : null));
        }
        c.expected = registry.size();
        return c;
    }

    private static String compact(String name) {
        return name.replaceAll("\\s+", "");
    }
}
