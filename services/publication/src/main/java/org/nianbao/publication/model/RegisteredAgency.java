package org.nianbao.publication.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.nianbao.publication.service.Registry;

import java.time.Instant;

/** An agency that must report, from the registry CSV. */
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

    public static RegisteredAgency of(Registry.Agency a, Instant loadedAt) {
        RegisteredAgency r = new RegisteredAgency();
        r.id = a.id();
        r.name = a.name();
        r.agencyCode = a.code();
        r.regionCode = a.region();
        r.issuerType = a.issuerType();
        r.loadedAt = loadedAt;
        return r;
    }

    public Registry.Agency agency() {
        return new Registry.Agency(id, name, agencyCode, regionCode, issuerType);
    }
}
