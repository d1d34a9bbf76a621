package org.nianbao.publication.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The 问题清单 of a region and year: every problem a reviewer confirmed in an agency's report, with where it sits in
 * the official tables, what the report says, what it should say, and whether a later revision corrected it.
 *
 * @param regionPrefix the region (code prefix, "" for everywhere) the list covers
 * @param year         the report year
 * @param problems     agency by agency, then in the order the report's findings come
 */
public record ProblemList(String regionPrefix, int year, List<Problem> problems) {

    /** OPEN: the report's current version still has it; RESOLVED: a later revision no longer has it. */
    public enum State { OPEN, RESOLVED }

    /**
     * One confirmed problem.
     *
     * @param says       what the report says (the finding's actual value, or the cells' values), as text
     * @param shouldSay  what it should say (the finding's expected value), as text; null when the rule names none
     * @param message    the finding's message in Chinese (what is wrong)
     * @param since      the revision (1, 2, …) the problem first appeared in; {@code resolvedIn} the one that corrected it
     */
    public record Problem(String agencyKey, String agency, String regionCode, String reportId, String reportTitle,
                          String rule, String severity, List<Cell> cells, String says, String shouldSay, String message,
                          State state, int since, Integer resolvedIn, String reviewer, String reason, Instant confirmedAt) {
    }

    /**
     * A cell a problem rests on, as a person finds it in the report: the table (e.g. "三、收到和处理政府信息公开申请情况"),
     * the row and the column (e.g. "（一）予以公开", "自然人"), and its value in the report (null: blank or not a cell).
     */
    public record Cell(String path, String table, String row, String column, BigDecimal value) {
    }

    /** What a 整改通知 needs besides the agency's problems: who sends it, when, and the date to correct by. */
    public record Notice(String office, LocalDate issuedOn, LocalDate correctBy) {
    }

    /** Per agency: how many of its confirmed problems are open and how many a revision resolved. */
    public record AgencyCount(String agencyKey, String agency, long open, long resolved) {
    }

    /** The region's summary: agencies with open problems, and the problems open and resolved by revisions. */
    public record Summary(String regionPrefix, int year, long agenciesWithOpenProblems, long open, long resolved,
                          List<AgencyCount> agencies) {
    }

    public Summary summary() {
        java.util.Map<String, AgencyCount> byAgency = new java.util.LinkedHashMap<>();
        for (Problem p : problems) {
            boolean open = p.state() == State.OPEN;
            byAgency.merge(p.agencyKey(), new AgencyCount(p.agencyKey(), p.agency(), open ? 1 : 0, open ? 0 : 1),
                    (a, b) -> new AgencyCount(a.agencyKey(), a.agency(), a.open() + b.open(), a.resolved() + b.resolved()));
        }
        List<AgencyCount> agencies = List.copyOf(byAgency.values());
        return new Summary(regionPrefix, year, agencies.stream().filter(a -> a.open() > 0).count(),
                agencies.stream().mapToLong(AgencyCount::open).sum(), agencies.stream().mapToLong(AgencyCount::resolved).sum(), agencies);
    }
}
