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

/** One published version: a document revision in one validation round. */
@Entity
@Table(name = "report_revision")
public class ReportRevision extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "report_id")
    public String reportId;
    public int revision;
    public String model;
    public String findings;
    @Column(name = "error_count")
    public int errorCount;
    @Column(name = "warning_count")
    public int warningCount;
    @Column(name = "stored_at")
    public Instant storedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "submission_id")
        public String submissionId;
        @Column(name = "validation_round")
        public int validationRound;

        public Key() {
        }

        public Key(String submissionId, int validationRound) {
            this.submissionId = submissionId;
            this.validationRound = validationRound;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.validationRound == validationRound && Objects.equals(k.submissionId, submissionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(submissionId, validationRound);
        }
    }
}
