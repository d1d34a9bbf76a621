package org.nianbao.publication.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One finding of the current version of a report, for querying reports by rule (rows written in SQL). */
@Entity
@Table(name = "report_finding")
public class ReportFinding extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "report_id")
    public String reportId;
    public String rule;
    public String severity;
    public String paths;
    @Column(name = "message_zh")
    public String messageZh;
    @Column(name = "message_en")
    public String messageEn;
}
