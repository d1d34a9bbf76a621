package org.nianbao.intake.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The original document of a submission, kept byte for byte. */
@Entity
@jakarta.persistence.Table(name = "submission_document")
public class SubmissionDocument extends PanacheEntityBase {
    @Id
    @Column(name = "submission_id")
    public String submissionId;
    public byte[] content;
}
