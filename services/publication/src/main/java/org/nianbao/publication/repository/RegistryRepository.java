package org.nianbao.publication.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.publication.model.RegisteredAgency;
import org.nianbao.publication.service.Registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The registered_agency table (the agencies that must report) and missing_report (the sweep's flags). */
@ApplicationScoped
public class RegistryRepository {

    /** One agency flagged missing for a year, with its deadline. */
    public record Missing(String id, LocalDate deadline) {
    }

    /** Replaces the registry by these agencies; flags of agencies that stay are kept. */
    @WithSession
    public Uni<Void> replace(List<Registry.Agency> agencies) {
        String rows = PipelineEvents.toJson(agencies);
        return Panache.getSession().flatMap(s -> s.createNativeQuery("delete from registered_agency"
                        + " where id not in (select r.id from json_to_recordset(cast(cast(:rows as text) as json)) as r (id text))")
                .setParameter("rows", rows).executeUpdate()
                .flatMap(removed -> s.createNativeQuery("""
                        insert into registered_agency (id, name, agency_code, region_code, issuer_type, loaded_at)
                        select r.id, r.name, r.code, r.region, r."issuerType", now()
                        from json_to_recordset(cast(cast(:rows as text) as json)) as r (id text, name text, code text, region text, "issuerType" text)
                        on conflict (id) do update set name = excluded.name, agency_code = excluded.agency_code,
                            region_code = excluded.region_code, issuer_type = excluded.issuer_type, loaded_at = excluded.loaded_at""")
                        .setParameter("rows", rows).executeUpdate()))
                .replaceWithVoid();
    }

    /** The registered agencies of a region prefix ("" for everywhere), by region and name. */
    @WithSession
    public Uni<List<Registry.Agency>> inRegion(String regionPrefix) {
        return RegisteredAgency.<RegisteredAgency>find("regionCode like ?1 order by regionCode, name", regionPrefix + "%").list()
                .map(list -> list.stream().map(RegisteredAgency::agency).toList());
    }

    /** When the sweep first flagged each agency (by registry id) as missing its report of {@code year}. */
    @WithSession
    public Uni<Map<String, Instant>> flagged(int year) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select agency_id, flagged_at from missing_report where report_year = :year",
                        Object[].class).setParameter("year", year).getResultList())
                .map(rows -> {
                    Map<String, Instant> flagged = new HashMap<>();
                    rows.forEach(r -> flagged.put((String) r[0], instant(r[1])));
                    return flagged;
                });
    }

    /** Flags these agencies for {@code year} (a flag's first time is kept) and clears every other flag of the year. */
    @WithSession
    public Uni<Void> flagMissing(int year, List<Missing> missing) {
        String rows = PipelineEvents.toJson(missing.stream().map(m -> Map.of("id", m.id(), "deadline", m.deadline().toString())).toList());
        return Panache.getSession().flatMap(s -> s.createNativeQuery("delete from missing_report where report_year = :year and agency_id"
                        + " not in (select r.id from json_to_recordset(cast(cast(:rows as text) as json)) as r (id text))")
                .setParameter("year", year).setParameter("rows", rows).executeUpdate()
                .flatMap(cleared -> s.createNativeQuery("insert into missing_report (agency_id, report_year, deadline, flagged_at)"
                                + " select r.id, :year, cast(r.deadline as date), now()"
                                + " from json_to_recordset(cast(cast(:rows as text) as json)) as r (id text, deadline text) on conflict do nothing")
                        .setParameter("year", year).setParameter("rows", rows).executeUpdate()))
                .replaceWithVoid();
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime o ? o.toInstant() : value instanceof Instant i ? i
                : value instanceof java.sql.Timestamp t ? t.toInstant() : null;
    }
}
