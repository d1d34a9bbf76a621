package org.nianbao.publication.repository;

import io.quarkus.panache.common.Parameters;

/** A condition on PublishedReport in HQL with its named parameters (the list's and the exports' filters). */
public record ReportQuery(String where, Parameters params) {
    /** The order of every list and export: newest year first, then agency. */
    public static final String ORDER = " order by year desc, agency, id";
}
