package org.nianbao.publication.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.publication.model.RegisteredAgency;
import org.nianbao.validation.ValidationConfig;
import org.nianbao.validation.ValidationSettings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The registry of agencies that must report, and the completeness of a region's reports for a year. */
@ApplicationScoped
public class CompletenessService {
    /** Deadlines are days in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The deadlines by issuer type: the same settings ({@code nianbao.validation.*}) the validation service applies in rule A-01. */
    private final ValidationConfig config;

    @Inject
    CompletenessService(ValidationSettings settings) {
        this.config = settings.toConfig();
    }

    /** Replaces the registry by these agencies (flags of agencies that stay are kept); returns how many. */
    public Uni<Integer> replaceRegistry(List<Registry.Agency> agencies) {
        String rows = PipelineEvents.toJson(agencies);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery("delete from registered_agency"
                        + " where id not in (select r.id from json_to_recordset(cast(cast(:rows as text) as json)) as r (id text))")
                .setParameter("rows", rows).executeUpdate()
                .flatMap(removed -> s.createNativeQuery("""
                        insert into registered_agency (id, name, agency_code, region_code, issuer_type, loaded_at)
                        select r.id, r.name, r.code, r.region, r."issuerType", now()
                        from json_to_recordset(cast(cast(:rows as text) as json)) as r (id text, name text, code text, region text, "issuerType" text)
                        on conflict (id) do update set name = excluded.name, agency_code = excluded.agency_code,
                            region_code = excluded.region_code, issuer_type = excluded.issuer_type, loaded_at = excluded.loaded_at""")
                        .setParameter("rows", rows).executeUpdate())))
                .replaceWith(agencies.size());
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
        return Panache.withTransaction(() -> completeness("", year, today).flatMap(c -> {
            List<Map<String, String>> missing = c.agencies.stream().filter(e -> e.status() == Completeness.Status.MISSING)
                    .map(e -> Map.of("id", e.agencyKey(), "deadline", e.deadline().toString())).toList();
            String rows = PipelineEvents.toJson(missing);
            return Panache.getSession().flatMap(s -> s.createNativeQuery("delete from missing_report where report_year = :year and agency_id"
                            + " not in (select r.id from json_to_recordset(cast(cast(:rows as text) as json)) as r (id text))")
                    .setParameter("year", year).setParameter("rows", rows).executeUpdate()
                    .flatMap(cleared -> s.createNativeQuery("insert into missing_report (agency_id, report_year, deadline, flagged_at)"
                                    + " select r.id, :year, cast(r.deadline as date), now()"
                                    + " from json_to_recordset(cast(cast(:rows as text) as json)) as r (id text, deadline text) on conflict do nothing")
                            .setParameter("year", year).setParameter("rows", rows).executeUpdate()))
                    .replaceWith(missing.size());
        }));
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime o ? o.toInstant() : value instanceof Instant i ? i
                : value instanceof java.sql.Timestamp t ? t.toInstant() : null;
    }
}
