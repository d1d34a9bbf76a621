package org.nianbao.publication.rest;

import io.quarkus.panache.common.Parameters;
import jakarta.ws.rs.QueryParam;

/** The filters of the report list and the exports: agency (substring), year, region prefix, format, errors. */
public class ReportFilter {
    @QueryParam("agency")
    String agency;
    @QueryParam("year")
    Integer year;
    @QueryParam("region")
    String region;
    @QueryParam("format")
    String format;
    @QueryParam("hasErrors")
    Boolean hasErrors;

    final Parameters params = new Parameters();

    /** The HQL condition on PublishedReport, its parameters in {@link #params}. */
    String where() {
        StringBuilder where = new StringBuilder("1 = 1");
        if (agency != null && !agency.isBlank()) {
            where.append(" and agency like :agency");
            params.and("agency", "%" + agency.strip() + "%");
        }
        if (year != null) {
            where.append(" and year = :year");
            params.and("year", year);
        }
        if (region != null && !region.isBlank()) {
            where.append(" and regionCode like :region");
            params.and("region", region.strip() + "%");
        }
        if (format != null && !format.isBlank()) {
            where.append(" and format = :format");
            params.and("format", format.strip());
        }
        if (hasErrors != null) {
            where.append(hasErrors ? " and errorCount > 0" : " and errorCount = 0");
        }
        return where.toString();
    }
}
