package org.nianbao.publication.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.nianbao.events.ReportValidated;
import org.nianbao.messaging.EventSender;
import org.nianbao.web.ProblemException;

import java.util.List;

/**
 * Sends approved versions to report-validated again, where {@link ValidatedConsumer} now publishes them: the approval
 * is stored first, so a version is published exactly once through the same cycle as any other, whatever fails between.
 */
@ApplicationScoped
public class Approvals {
    @Inject
    @Channel("validated-out")
    MutinyEmitter<String> validated;

    private EventSender sender;

    @PostConstruct
    void init() {
        sender = EventSender.on(validated, "/nianbao/publication/review");
    }

    /** Completes when Kafka has every event; fails with a 503 problem (approve again to resend) when it does not. */
    public Uni<Void> release(List<ReportValidated> approved) {
        return sender.sendAll(approved).onFailure().transform(e -> new ProblemException(503, "Service Unavailable", "The approval"
                + " is stored, but the versions could not be sent on to publication (" + e.getMessage() + "); approve again to resend."));
    }
}
