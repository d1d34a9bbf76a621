package org.nianbao.intake.service;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Background work (the outbox relay, a replay) on a Vert.x context of its own, marked safe for Hibernate Reactive:
 * its sessions are not those of the request or event that started it.
 */
public final class OwnContext {
    private OwnContext() {
    }

    /** Runs {@code work} on a new duplicated context; returns at once. */
    public static void run(Vertx vertx, Runnable work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(x -> work.run());
    }
}
