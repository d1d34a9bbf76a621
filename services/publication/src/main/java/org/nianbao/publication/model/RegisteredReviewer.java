package org.nianbao.publication.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A reviewer registered by an administrator, signing in with a token (only its SHA-256 is kept). */
@Entity
@Table(name = "reviewer")
public class RegisteredReviewer extends PanacheEntityBase {
    @Id
    public String name;
    @Column(name = "token_hash")
    public String tokenHash;
    /** reviewer or admin. */
    public String role;
    @Column(name = "region_prefix")
    public String regionPrefix;
    @Column(name = "created_at")
    public Instant createdAt;
}
