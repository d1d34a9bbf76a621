package org.nianbao.publication.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.service.Completeness;

import java.util.Collection;
import java.util.List;

/** The report table: the current version of each published report. */
@ApplicationScoped
public class PublishedReportRepository {

    @WithSession
    public Uni<PublishedReport> find(String id) {
        return PublishedReport.findById(id);
    }

    /** The reports of these ids that exist, locked until the transaction ends, in id order (so that publishers never deadlock). */
    @WithSession
    public Uni<List<PublishedReport>> forUpdate(Collection<String> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of())
                : PublishedReport.<PublishedReport>find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Stores the new reports and the changes of the loaded ones now (the cells' statements that follow need their rows). */
    @WithSession
    public Uni<Void> save(List<PublishedReport> added) {
        return PublishedReport.persist(added).call(Panache::flush);
    }

    @WithSession
    public Uni<Long> count(ReportQuery query) {
        return PublishedReport.count(query.where(), query.params());
    }

    /** The reports {@code from} to {@code from + size - 1} in the list's order. */
    @WithSession
    public Uni<List<PublishedReport>> page(ReportQuery query, int from, int size) {
        return PublishedReport.<PublishedReport>find(query.where() + ReportQuery.ORDER, query.params()).range(from, from + size - 1).list();
    }

    /** What an export needs of every report the query selects, in the list's order. */
    @WithSession
    public Uni<List<PublishedReport.Identity>> identities(ReportQuery query) {
        return Panache.getSession().flatMap(s -> {
            var select = s.createSelectionQuery(PublishedReport.Identity.SELECT + query.where() + ReportQuery.ORDER,
                    PublishedReport.Identity.class);
            query.params().map().forEach(select::setParameter);
            return select.getResultList();
        });
    }

    /** An agency's reports with a known year, oldest first. */
    @WithSession
    public Uni<List<PublishedReport>> ofAgency(String agencyKey) {
        return PublishedReport.<PublishedReport>find("agencyKey = ?1 and year is not null order by year", agencyKey).list();
    }

    /** The years of the published reports, newest first. */
    @WithSession
    public Uni<List<Integer>> years() {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(
                "select distinct year from PublishedReport where year is not null order by year desc", Integer.class).getResultList());
    }

    /** The reports of a year in a region (and those whose region is unknown), as completeness needs them. */
    @WithSession
    public Uni<List<Completeness.Published>> published(int year, String regionPrefix) {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(
                        "select new " + Completeness.Published.class.getName() + "(id, agency, agencyCode, publishedOn)"
                                + " from PublishedReport where year = :year and (regionCode like :region or regionCode is null)",
                        Completeness.Published.class)
                .setParameter("year", year).setParameter("region", regionPrefix + "%").getResultList());
    }

    /**
     * Up to {@code limit} reports after {@code afterId}, in id order, whose cells were never filled in, locked until the
     * transaction ends (in id order, as publishers lock them).
     */
    @WithSession
    public Uni<List<PublishedReport>> withoutCells(String afterId, int limit) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select id from report where id > :after"
                                + " and cells is null order by id limit " + limit
                                + " for update", String.class)
                        .setParameter("after", afterId).getResultList())
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<PublishedReport>of())
                        : PublishedReport.<PublishedReport>list("id in ?1 order by id", ids));
    }
}
