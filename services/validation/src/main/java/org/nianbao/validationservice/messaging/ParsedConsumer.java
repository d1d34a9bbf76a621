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

import java.util.List;

/**
 * report-parsed → report-validated, through the stage cycle: a batch of records is validated in one transaction and
 * acknowledged only after every event its validation caused was acknowledged by Kafka; transient failures are
 * retried, the rest dead-lettered.
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
    public Uni<Void> consume(Message<List<String>> batch) {
        return cycle.consume(batch, validation::validate);
    }
}
