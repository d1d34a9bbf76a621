package org.nianbao.intake.ops;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Readiness of the database, answered within 3 s whatever the database does (the built-in check waits up to 20 s
 * for a frozen one, longer than any probe): DOWN while it is away, so the instance is taken out of rotation.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    Pool pool;

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(TIMEOUT).failWith(() -> new java.util.concurrent.TimeoutException("no answer within " + TIMEOUT.toSeconds() + " s"))
                .map(rows -> HealthCheckResponse.up("database"))
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("database").down()
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
