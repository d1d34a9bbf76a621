package org.nianbao.intake.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.nianbao.events.ReviewPolicy;

import java.time.Instant;

/** A provincial platform allowed to submit reports for agencies whose region code starts with its prefix. */
@Entity
public class Platform extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    @Column(name = "key_hash")
    public String keyHash;
    @Column(name = "region_prefix")
    public String regionPrefix;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Called when a submission reaches IN_REVIEW, PUBLISHED or FAILED; null for none. */
    @Column(name = "webhook_url")
    public String webhookUrl;
    /** The value of the OIDC client claim (nianbao.oidc.platform-claim) that names this platform; null: API key only. */
    @Column(name = "oidc_client_id")
    public String oidcClientId;
    /** When its reports reach the public: at once, or after a reviewer's approval. */
    @Column(name = "review_policy")
    @Enumerated(EnumType.STRING)
    public ReviewPolicy reviewPolicy = ReviewPolicy.PUBLISH_AT_ONCE;

    /** True when the platform may submit for, and read, an agency of this region (null region: only for all-region platforms). */
    public boolean covers(String regionCode) {
        if (regionPrefix == null || regionPrefix.isEmpty()) {
            return true;
        }
        return regionCode != null && regionCode.startsWith(regionPrefix);
    }
}
