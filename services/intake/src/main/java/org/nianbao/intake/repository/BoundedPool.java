package org.nianbao.intake.repository;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The reactive pool with bounded waits: while the database is away or frozen, a request fails within seconds
 * (a transient failure: 503 with Retry-After, a consumer's retry) instead of waiting for a connection for 30 s or
 * connecting for 60 s (Vert.x's defaults).
 */
@Singleton
public class BoundedPool implements PgPoolCreator {

    /** How long to wait for a free connection of the pool. */
    @ConfigProperty(name = "nianbao.datasource.acquire-timeout", defaultValue = "5s")
    Duration acquireTimeout;

    /** How long to wait for a new connection to the database. */
    @ConfigProperty(name = "nianbao.datasource.connect-timeout", defaultValue = "5s")
    Duration connectTimeout;

    @Override
    public Pool create(Input input) {
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setConnectTimeout((int) connectTimeout.toMillis());
        }
        return PgBuilder.pool()
                .with(input.poolOptions().setConnectionTimeout((int) acquireTimeout.toMillis()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
                .connectingTo(new java.util.ArrayList<io.vertx.sqlclient.SqlConnectOptions>(input.pgConnectOptionsList()))
                .using(input.vertx())
                .build();
    }
}
