package org.nianbao.intake.auth;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nianbao.events.AgencyKey;
import org.nianbao.intake.model.Platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * On the local stack only ({@code nianbao.local-api-key} set): registers the platform "local",
 * allowed for every region, with that key. Production has no default key.
 */
@ApplicationScoped
public class LocalPlatformBootstrap {
    private static final Logger LOG = Logger.getLogger(LocalPlatformBootstrap.class);

    @ConfigProperty(name = "nianbao.local-api-key")
    Optional<String> localKey;

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (localKey.isPresent() && !localKey.get().isBlank()) {
            VertxContextSupport.subscribeAndAwait(() -> register(localKey.get()));
            LOG.info("local platform registered (all regions)");
        }
    }

    Uni<Void> register(String key) {
        String hash = AgencyKey.sha256(key.strip());
        return Panache.withTransaction(() -> Platform.<Platform>findById("local").flatMap(existing -> {
            Platform p = existing != null ? existing : new Platform();
            p.id = "local";
            p.name = "Local development platform";
            p.keyHash = hash;
            p.regionPrefix = "";
            if (p.createdAt == null) {
                p.createdAt = Instant.now();
            }
            return existing != null ? Uni.createFrom().voidItem() : p.persist().replaceWithVoid();
        })).onFailure().retry().withBackOff(Duration.ofMillis(200)).atMost(10);
    }
}
