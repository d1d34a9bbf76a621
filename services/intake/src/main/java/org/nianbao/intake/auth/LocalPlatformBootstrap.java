package org.nianbao.intake.auth;

import jakarta.inject.Inject;
import org.nianbao.intake.service.PlatformService;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * On the local stack only ({@code nianbao.local-api-key} set): registers the platform "local",
 * allowed for every region, with that key. Production has no default key.
 */
@ApplicationScoped
public class LocalPlatformBootstrap {
    private static final Logger LOG = Logger.getLogger(LocalPlatformBootstrap.class);

    @Inject
    PlatformService platforms;

    @ConfigProperty(name = "nianbao.local-api-key")
    Optional<String> localKey;

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (localKey.isPresent() && !localKey.get().isBlank()) {
            VertxContextSupport.subscribeAndAwait(() -> register(localKey.get()));
            LOG.info("local platform registered (all regions)");
        }
    }

    Uni<Void> register(String key) {
        return platforms.registerLocal(key).onFailure().retry().withBackOff(Duration.ofMillis(200)).atMost(10);
    }
}
