package org.nianbao.publication.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.nianbao.events.ReportValidated;
import org.nianbao.messaging.EventSender;
import org.nianbao.messaging.StageCycle;
import org.nianbao.publication.service.PublicationService;

import java.util.List;

/** report-validated → report-published, through the stage cycle; {@link PublicationService} decides and stores. */
@ApplicationScoped
public class ValidatedConsumer {
    @Inject
    PublicationService publication;

    @Inject
    @Channel("published-out")
    MutinyEmitter<String> published;

    private StageCycle<ReportValidated> cycle;

    @PostConstruct
    void init() {
        cycle = StageCycle.of("publication", ReportValidated.class, EventSender.on(published, "/nianbao/publication"));
    }

    @Incoming("validated-in")
    public Uni<Void> consume(Message<List<String>> batch) {
        return cycle.consume(batch, publication::publishOrHold);
    }
}
