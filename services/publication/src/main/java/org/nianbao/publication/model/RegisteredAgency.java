package org.nianbao.publication.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.nianbao.publication.service.Registry;

import java.time.Instant;

/** An agency that must report, from the registry CSV (rows written in SQL by CompletenessService). */
@Entity
@Table(name = "registered_agency")
public class RegisteredAgency extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "issuer_type")
    public String issuerType;
    @Column(name = "loaded_at")
    public Instant loadedAt;

    public Registry.Agency agency() {
        return new Registry.Agency(id, name, agencyCode, regionCode, issuerType);
    }
}
