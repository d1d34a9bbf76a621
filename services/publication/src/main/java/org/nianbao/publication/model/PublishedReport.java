package org.nianbao.publication.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** The current published version of a report. */
@Entity
@Table(name = "report")
public class PublishedReport extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "agency_key")
    public String agencyKey;
    public String agency;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "issuer_type")
    public String issuerType;
    @Column(name = "report_year")
    public Integer year;
    public String format;
    public String title;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Column(name = "source_url")
    public String sourceUrl;
    @Column(name = "submission_id")
    public String submissionId;
    public int revision;
    @Column(name = "validation_round")
    public int validationRound;
    /** The canonical model as JSON. */
    public String model;
    /** The findings as JSON. */
    public String findings;
    /** The cells of parts 二, 三 and 四 as JSON, path → value in the tables' order (blank: null); null until filled in. */
    public String cells;
    /** Which part 二 columns the report uses, "2019" or "2021". */
    @Column(name = "active_table")
    public String activeTable;
    @Column(name = "error_count")
    public int errorCount;
    @Column(name = "warning_count")
    public int warningCount;
    @Column(name = "info_count")
    public int infoCount;
    @Column(name = "problem_count")
    public int problemCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** What an export needs of a report besides its cells. */
    public record Identity(String id, String agency, String regionCode, Integer year, String format) {
        /** The HQL select that builds it. */
        public static final String SELECT = "select new " + Identity.class.getName()
                + "(id, agency, regionCode, year, format) from PublishedReport where ";
    }

    public Identity identity() {
        return new Identity(id, agency, regionCode, year, format);
    }

    /** A report's id: stable per agency and year, so later revisions replace earlier ones. */
    public static String idFor(String agencyKey, Integer year, String submissionId) {
        if (year == null || agencyKey == null || agencyKey.startsWith("submission:") || agencyKey.equals("unknown")) {
            return "s-" + submissionId;
        }
        return "r-" + org.nianbao.events.AgencyKey.sha256(agencyKey + "|" + year).substring(0, 20);
    }

    /** The report's title, or its agency and year when it printed none. */
    public String displayTitle() {
        return title != null ? title : (agency == null ? "" : agency + " ") + (year == null ? "" : year + "年度报告");
    }

    /** True when a version (revision, round) is newer than the stored one. */
    public boolean olderThan(int otherRevision, int otherRound) {
        return otherRevision > revision || otherRevision == revision && otherRound >= validationRound;
    }
}
