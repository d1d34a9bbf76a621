package org.nianbao.intake.repository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.intake.model.Platform;

import java.util.List;

/** Platforms and their credentials. */
@ApplicationScoped
public class PlatformRepository {

    @WithSession
    public Uni<Platform> find(String id) {
        return Platform.findById(id);
    }

    @WithSession
    public Uni<List<Platform>> all() {
        return Platform.listAll();
    }

    @WithSession
    public Uni<Platform> byKeyHash(String hash) {
        return Platform.find("keyHash", hash).firstResult();
    }

    @WithSession
    public Uni<Platform> byOidcClient(String client) {
        return Platform.find("oidcClientId", client).firstResult();
    }

    /** Another platform than {@code id} named by this OIDC client, if any. */
    @WithSession
    public Uni<Platform> otherByOidcClient(String client, String id) {
        return Platform.find("oidcClientId = ?1 and id <> ?2", client, id).firstResult();
    }
}
