package org.nianbao.publication.rest;

import io.quarkus.panache.common.Parameters;
import jakarta.ws.rs.QueryParam;
import org.nianbao.publication.repository.ReportQuery;

/** The filters of the report list and the exports: agency (substring), year, region prefix, format, errors, rule. */
public class ReportFilter {
    @QueryParam("agency")
    public String agency;
    /** Text, so that an empty form field means "any year". */
    @QueryParam("year")
    public String year;
    @QueryParam("region")
    public String region;
    @QueryParam("format")
    public String format;
    @QueryParam("hasErrors")
    public Boolean hasErrors;
    /** A rule id (e.g. C-01): only reports with a finding of that rule. */
    @QueryParam("rule")
    public String rule;

    /** The HQL condition on PublishedReport with its parameters; a refused parameter is a 400 saying what to send. */
    public ReportQuery query() {
        Parameters params = new Parameters();
        StringBuilder where = new StringBuilder("1 = 1");
        if (agency != null && !agency.isBlank()) {
            where.append(" and agency like :agency");
            params.and("agency", "%" + agency.strip() + "%");
        }
        Integer y = year();
        if (y != null) {
            where.append(" and year = :year");
            params.and("year", y);
        }
        if (region != null && !region.isBlank()) {
            where.append(" and regionCode like :region");
            params.and("region", QueryParams.regionPrefix(region) + "%");
        }
        if (format != null && !format.isBlank()) {
            where.append(" and format = :format");
            params.and("format", format.strip());
        }
        if (hasErrors != null) {
            where.append(hasErrors ? " and errorCount > 0" : " and errorCount = 0");
        }
        if (rule != null && !rule.isBlank()) {
            where.append(" and id in (select f.reportId from ReportFinding f where f.rule = :rule)");
            params.and("rule", rule.strip().toUpperCase(java.util.Locale.ROOT));
        }
        return new ReportQuery(where.toString(), params);
    }

    /** The year asked for, or null for any. */
    public Integer year() {
        return QueryParams.year(year);
    }
}
