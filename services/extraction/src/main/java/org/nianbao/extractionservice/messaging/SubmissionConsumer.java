package org.nianbao.extractionservice.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.nianbao.events.ReportSubmitted;
import org.nianbao.extractionservice.service.ExtractionService;
import org.nianbao.messaging.EventSender;
import org.nianbao.messaging.StageCycle;

import java.util.List;

/** report-submitted → report-parsed, a batch at a time through the stage cycle. */
@ApplicationScoped
public class SubmissionConsumer {
    @Inject
    ExtractionService extraction;

    @Inject
    @Channel("parsed-out")
    MutinyEmitter<String> parsed;

    private StageCycle<ReportSubmitted> cycle;

    @PostConstruct
    void init() {
        cycle = StageCycle.of("extraction", ReportSubmitted.class, EventSender.on(parsed, "/nianbao/extraction"));
    }

    @Incoming("submitted-in")
    public Uni<Void> consume(Message<List<String>> batch) {
        return cycle.consume(batch, extraction::parseAll);
    }
}
