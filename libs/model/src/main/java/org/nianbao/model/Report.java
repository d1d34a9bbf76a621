package org.nianbao.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.LocalDate;

/**
 * The canonical report model, {@code nianbao.report/v1} (see docs/report-model.md).
 * Extraction produces it, validation reads it, publication stores and serves it.
 * A part missing from the document is {@code null}; a blank cell inside a present part is {@code null}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"schema", "format", "title", "agency", "year", "publishedOn", "sections",
        "active", "applications", "reviewLitigation", "extraction"})
public class Report {
    public static final String SCHEMA = "nianbao.report/v1";

    public String schema = SCHEMA;
    public ReportFormat format = ReportFormat.UNKNOWN;
    public String title;
    public String agency;
    public Integer year;
    public LocalDate publishedOn;
    public Sections sections = new Sections();
    public ActiveDisclosure active;
    public Applications applications;
    public ReviewLitigation reviewLitigation;
    public Extraction extraction = new Extraction();
}
