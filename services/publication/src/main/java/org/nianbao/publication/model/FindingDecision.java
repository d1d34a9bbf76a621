package org.nianbao.publication.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A reviewer's decision on a finding of a report, kept across its versions. */
@Entity
@Table(name = "finding_decision")
public class FindingDecision extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    /** CONFIRMED or DISMISSED. */
    public String decision;
    public String reason;
    /** What the finding showed when decided (FindingReview#values). */
    @Column(name = "cell_values")
    public String cellValues;
    public String reviewer;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "agency_key")
    public String agencyKey;
    public String agency;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "report_year")
    public Integer year;

    /** The report and the finding's identity (rule, sorted comma-separated paths). */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "report_id")
        public String reportId;
        public String rule;
        public String paths;

        public Key() {
        }

        public Key(String reportId, String rule, String paths) {
            this.reportId = reportId;
            this.rule = rule;
            this.paths = paths;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.reportId, reportId) && Objects.equals(k.rule, rule) && Objects.equals(k.paths, paths);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, rule, paths);
        }
    }
}
