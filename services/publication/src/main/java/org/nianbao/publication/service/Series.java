package org.nianbao.publication.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An agency's reports over the years with every table cell: the agency as it last named itself, its years in order. */
public record Series(String agencyKey, String agency, String agencyCode, String regionCode, List<Year> years) {

    /** One year of an agency's series. */
    public record Year(int year, String reportId, String format, LocalDate publishedOn, int errors, int warnings,
                       Map<String, BigDecimal> cells) {
    }
}
