package org.nianbao.validationservice.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.nianbao.messaging.EventSender;

/** Where validation's report-validated events go: the one sender on {@code validated-out}, for the consumer and the sweep. */
@ApplicationScoped
public class ValidatedEvents {
    /** The CloudEvents source of validation's events. */
    public static final String SOURCE = "/nianbao/validation";

    @Inject
    @Channel("validated-out")
    MutinyEmitter<String> emitter;

    @Produces
    @Singleton
    EventSender sender() {
        return EventSender.on(emitter, SOURCE);
    }
}
