package org.nianbao.intake.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.nianbao.events.AgencyKey;
import org.nianbao.events.ReviewPolicy;
import org.nianbao.intake.model.Platform;
import org.nianbao.intake.repository.PlatformRepository;
import org.nianbao.web.ProblemException;

import java.time.Instant;

/** Platforms' settings and credentials: registration, changes, key rotation. */
@ApplicationScoped
public class PlatformService {

    @Inject
    PlatformRepository platforms;

    /**
     * A platform's settings; in an update, a null field is left unchanged and "" clears webhookUrl or oidcClientId.
     * {@code review}: when its reports reach the public (null on registering: at once).
     */
    public record Settings(String id, String name, String regionPrefix, String webhookUrl, String oidcClientId,
                           ReviewPolicy review) {
    }

    /** Registers a platform (or replaces its settings) with the hash of a new key. */
    @WithTransaction
    public Uni<Platform> register(Settings settings, String keyHash) {
        return checkOidcClientFree(settings.id(), settings.oidcClientId())
                .chain(() -> platforms.find(settings.id())).flatMap(existing -> {
                    Platform p = existing != null ? existing : new Platform();
                    p.id = settings.id();
                    p.name = settings.name() == null ? settings.id() : settings.name();
                    p.regionPrefix = settings.regionPrefix();
                    p.webhookUrl = blankToNull(settings.webhookUrl());
                    p.oidcClientId = blankToNull(settings.oidcClientId());
                    p.reviewPolicy = settings.review() == null ? ReviewPolicy.PUBLISH_AT_ONCE : settings.review();
                    p.keyHash = keyHash;
                    if (p.createdAt == null) {
                        p.createdAt = Instant.now();
                    }
                    return existing != null ? Uni.createFrom().item(p) : p.<Platform>persist();
                });
    }

    /** Changes the settings given (non-null); the platform's key stays valid. */
    @WithTransaction
    public Uni<Platform> update(String id, Settings settings) {
        return checkOidcClientFree(id, settings.oidcClientId()).chain(() -> existing(id)).map(p -> {
            if (settings.name() != null && !settings.name().isBlank()) {
                p.name = settings.name();
            }
            if (settings.regionPrefix() != null) {
                p.regionPrefix = settings.regionPrefix();
            }
            if (settings.webhookUrl() != null) {
                p.webhookUrl = blankToNull(settings.webhookUrl());
            }
            if (settings.oidcClientId() != null) {
                p.oidcClientId = blankToNull(settings.oidcClientId());
            }
            if (settings.review() != null) {
                p.reviewPolicy = settings.review();
            }
            return p;
        });
    }

    /** Replaces a platform's key; the previous one stops working. */
    @WithTransaction
    public Uni<Platform> rotateKey(String id, String keyHash) {
        return existing(id).invoke(p -> p.keyHash = keyHash);
    }

    /** The local stack's platform "local", allowed for every region, with this key. */
    @WithTransaction
    public Uni<Void> registerLocal(String key) {
        String hash = AgencyKey.sha256(key.strip());
        return platforms.find("local").flatMap(existing -> {
            Platform p = existing != null ? existing : new Platform();
            p.id = "local";
            p.name = "Local development platform";
            p.keyHash = hash;
            p.regionPrefix = "";
            if (p.createdAt == null) {
                p.createdAt = Instant.now();
            }
            return existing != null ? Uni.createFrom().voidItem() : p.persist().replaceWithVoid();
        });
    }

    private Uni<Platform> existing(String id) {
        return platforms.find(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No platform " + id + "; create it with POST /admin/v1/platforms."));
    }

    /** One OIDC client names one platform (checked before any change, so the answer is a 409, not a constraint error). */
    private Uni<Void> checkOidcClientFree(String id, String oidcClientId) {
        String client = blankToNull(oidcClientId);
        if (client == null) {
            return Uni.createFrom().voidItem();
        }
        return platforms.otherByOidcClient(client, id).invoke(other -> {
            if (other != null) {
                throw new ProblemException(409, "Conflict", "The OIDC client '" + client
                        + "' already names platform '" + other.id + "'.");
            }
        }).replaceWithVoid();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
