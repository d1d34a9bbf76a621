package org.nianbao.extractionservice.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportSubmitted;
import org.nianbao.extraction.UnreadableDocumentException;
import org.nianbao.extractionservice.client.DocumentClient;
import org.nianbao.messaging.Transience;
import org.nianbao.model.Report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a submitted document into the canonical model. A report read in part moves on with its problems recorded;
 * a document that cannot be read (over a limit, damaged, encrypted, no report in it, longer than its deadline to
 * read) is a permanent failure with a reason a person understands (intake then marks the submission FAILED with it).
 * Blocking work: runs on worker threads.
 */
@ApplicationScoped
public class ExtractionService {
    private static final Logger LOG = Logger.getLogger(ExtractionService.class);

    @Inject
    DocumentClient documents;

    @Inject
    BoundedExtractor extractor;

    /** How many documents of a batch are read at once (default: one per processor). */
    @ConfigProperty(name = "nianbao.extraction.parallelism")
    Optional<Integer> parallelism;

    /**
     * Reads a batch of submitted documents, {@link #parallelism} at a time on worker threads; their events come back
     * in the batch's order. One document that fails fails the batch (the stage cycle then reads them one by one).
     */
    public Uni<List<ReportParsed>> parseAll(List<ReportSubmitted> batch) {
        List<Uni<ReportParsed>> reads = batch.stream()
                .map(submitted -> Uni.createFrom().item(() -> parse(submitted)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .toList();
        return Uni.join().all(reads).usingConcurrencyOf(parallelism.orElse(Runtime.getRuntime().availableProcessors())).andFailFast();
    }

    /** Reads one submitted document (blocking: on a worker thread). */
    private ReportParsed parse(ReportSubmitted submitted) {
        // a small document travels in its event; a larger one is fetched from intake's store
        byte[] document = submitted.document().content() != null ? submitted.document().content()
                : documents.fetch(submitted.document().url());
        Report report;
        try {
            report = extractor.extract(document, submitted.document().fileName());
        } catch (UnreadableDocumentException e) {
            throw new Transience.PermanentFailure(e.getMessage(), e);
        }
        ReportParsed parsed = ReportParsed.of(submitted, report, Instant.now());
        LOG.infof("submission %s: %s %s, format %s, %d problem(s)", parsed.submissionId(), parsed.metadata().agency(),
                parsed.metadata().year(), report.format.json(), report.extraction.problems.size());
        return parsed;
    }
}
