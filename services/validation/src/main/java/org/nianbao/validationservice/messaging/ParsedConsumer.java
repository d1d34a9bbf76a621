package org.nianbao.validationservice.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.nianbao.events.ReportParsed;
import org.nianbao.messaging.EventSender;
import org.nianbao.messaging.StageCycle;
import org.nianbao.validationservice.service.ValidationService;

/**
 * report-parsed → report-validated, through the stage cycle: the record is acknowledged only after every event
 * its validation caused was acknowledged by Kafka; transient failures are retried, the rest dead-lettered.
 */
@ApplicationScoped
public class ParsedConsumer {
    @Inject
    ValidationService validation;

    @Inject
    EventSender validated;

    private StageCycle<ReportParsed> cycle;

    @PostConstruct
    void init() {
        cycle = StageCycle.of("validation", ReportParsed.class, validated);
    }

    @Incoming("parsed-in")
    public Uni<Void> consume(Message<java.util.List<String>> batch) {
        return cycle.consume(batch, events -> {
            java.util.List<org.nianbao.events.PipelineEvent> out = new java.util.ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var e : events) {
                chain = chain.chain(() -> validation.validate(e)).invoke(out::addAll).replaceWithVoid();
            }
            return chain.replaceWith(out);
        });
    }
}
