package org.nianbao.validationservice.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.nianbao.validationservice.model.ValidatedReport;
import org.nianbao.validationservice.service.CrossYear;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/** The reports validation has seen: stored, found, and read for the cross-year sweep. */
@ApplicationScoped
public class ValidatedReportRepository implements PanacheRepositoryBase<ValidatedReport, String> {
    /** Every stored report without its model, only the model's digest (computed by PostgreSQL). */
    private static final String STORED = "SELECT submission_id, agency_key, report_year, revision, received_at, "
            + "encode(sha256(convert_to(report, 'UTF8')), 'hex'), validated_against FROM validated_report "
            + "WHERE report_year IS NOT NULL";

    /** The stored reports of these submissions. */
    @WithSession
    public Uni<List<ValidatedReport>> bySubmissions(Collection<String> submissionIds) {
        return submissionIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("submissionId in ?1", submissionIds);
    }

    /** The stored reports of these agencies in these years (every pair of them). */
    @WithSession
    public Uni<List<ValidatedReport>> ofAgencies(Collection<String> agencyKeys, Collection<Integer> years) {
        return agencyKeys.isEmpty() || years.isEmpty() ? Uni.createFrom().item(List.of())
                : list("agencyKey in ?1 and year in ?2", agencyKeys, years);
    }

    /** The stored report of a submission, locked until the transaction ends (the sweep), or null. */
    @WithSession
    public Uni<ValidatedReport> bySubmissionForUpdate(String submissionId) {
        return findById(submissionId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The newest revision of an agency's report for a year ({@link CrossYear#NEWEST_FIRST}), or null (also for no known agency or year). */
    @WithSession
    public Uni<ValidatedReport> latest(String agencyKey, Integer year) {
        if (!CrossYear.comparable(agencyKey, year)) {
            return Uni.createFrom().nullItem();
        }
        return find("agencyKey = ?1 and year = ?2 order by revision desc, receivedAt desc", agencyKey, year).firstResult();
    }

    /** Stores reports seen for the first time. */
    @WithSession
    public Uni<Void> add(List<ValidatedReport> reports) {
        return persist(reports);
    }

    /** Every stored report of a known year as the sweep compares them (without the model, only its digest). */
    @WithSession
    public Uni<List<CrossYear.Stored>> stored() {
        return getSession().flatMap(session -> session.createNativeQuery(STORED, Object[].class).getResultList())
                .map(rows -> rows.stream().map(ValidatedReportRepository::stored).toList());
    }

    private static CrossYear.Stored stored(Object[] row) {
        return new CrossYear.Stored((String) row[0], (String) row[1], ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(), instant(row[4]), (String) row[5], (String) row[6]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + (value == null ? "null" : value.getClass()));
    }
}
