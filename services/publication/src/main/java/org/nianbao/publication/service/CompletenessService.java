package org.nianbao.publication.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.publication.model.RegisteredAgency;
import org.nianbao.validation.ValidationConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registry of agencies that must report, and the completeness of a region's reports for a year. */
@ApplicationScoped
public class CompletenessService {
    /** Deadlines are days in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The official deadlines by issuer type (the same the validation service applies in rule A-01). */
    private final ValidationConfig config = ValidationConfig.defaults();

    /** Replaces the registry by these agencies (flags of agencies that stay are kept); returns how many. */
    public Uni<Integer> replaceRegistry(List<Registry.Agency> agencies) {
        Instant now = Instant.now();
        Set<String> ids = new HashSet<>();
        agencies.forEach(a -> ids.add(a.id()));
        return Panache.withTransaction(() -> RegisteredAgency.<RegisteredAgency>listAll().flatMap(existing -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RegisteredAgency old : existing) {
                if (!ids.contains(old.id)) {
                    chain = chain.call(old::delete);
                }
            }
            for (Registry.Agency a : agencies) {
                chain = chain.call(() -> Panache.getSession().flatMap(s -> s.merge(RegisteredAgency.of(a, now))));
            }
            return chain;
        })).replaceWith(agencies.size());
    }

    public Uni<Completeness> completeness(String regionPrefix, int year) {
        return completeness(regionPrefix, year, LocalDate.now(CHINA));
    }

    /** Completeness as of a day; call inside a session. */
    public Uni<Completeness> completeness(String regionPrefix, int year, LocalDate today) {
        String like = regionPrefix + "%";
        return RegisteredAgency.<RegisteredAgency>find("regionCode like ?1 order by regionCode, name", like).list()
                .flatMap(registry -> Panache.getSession().flatMap(s -> s.createSelectionQuery(
                                "select new " + Completeness.Published.class.getName() + "(id, agency, agencyCode, publishedOn)"
                                        + " from PublishedReport where year = :year and (regionCode like :region or regionCode is null)",
                                Completeness.Published.class)
                        .setParameter("year", year).setParameter("region", like).getResultList()
                        .flatMap(reports -> s.createNativeQuery("select agency_id, flagged_at from missing_report where report_year = :year",
                                        Object[].class).setParameter("year", year).getResultList()
                                .map(rows -> {
                                    Map<String, Instant> flagged = new HashMap<>();
                                    rows.forEach(r -> flagged.put((String) r[0], instant(r[1])));
                                    return Completeness.of(regionPrefix, year, today, registry.stream().map(RegisteredAgency::agency).toList(),
                                            reports, config, flagged);
                                }))));
    }

    /**
     * The missing-report sweep: records every registered agency without a report for {@code year} after its
     * deadline (once; the first flag's time is kept) and clears the flags of agencies that have since published.
     * Returns how many agencies are flagged now.
     */
    public Uni<Integer> flagMissing(int year, LocalDate today) {
        return Panache.withTransaction(() -> completeness("", year, today).flatMap(c -> Panache.getSession().flatMap(s -> {
            Uni<Void> chain = s.createNativeQuery("delete from missing_report m where m.report_year = :year and exists ("
                            + "select 1 from report r join registered_agency a on a.id = m.agency_id where r.report_year = :year"
                            + " and (r.agency_code = a.agency_code or replace(r.agency, ' ', '') = replace(a.name, ' ', '')))")
                    .setParameter("year", year).executeUpdate().replaceWithVoid();
            int missing = 0;
            for (int i = 0; i < c.agencies.size(); i++) {
                Completeness.Entry e = c.agencies.get(i);
                if (e.status() != Completeness.Status.MISSING) {
                    continue;
                }
                missing++;
                String id = org.nianbao.events.AgencyKey.of(e.agencyCode(), e.agency());
                chain = chain.call(() -> s.createNativeQuery("insert into missing_report (agency_id, report_year, deadline, flagged_at)"
                                + " values (:id, :year, :deadline, now()) on conflict do nothing")
                        .setParameter("id", id).setParameter("year", year).setParameter("deadline", e.deadline()).executeUpdate());
            }
            int flagged = missing;
            return chain.replaceWith(flagged);
        })));
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime o ? o.toInstant() : value instanceof Instant i ? i
                : value instanceof java.sql.Timestamp t ? t.toInstant() : null;
    }
}
