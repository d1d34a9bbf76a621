package org.nianbao.extractionservice;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Channel;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;
import org.nianbao.events.AgencyKey;
import org.nianbao.events.EventTypes;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportSubmitted;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.events.Topics;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Report;

import java.time.Instant;

/**
 * report-submitted → report-parsed. A report read in part moves on with its problems recorded; a malformed
 * event, an unreachable document store or a document that cannot be read (over a limit, damaged, encrypted, no
 * report in it, longer than its deadline to read) fails the record, which goes to the dead-letter topic with the
 * reason (intake then marks the submission FAILED with it), and the stream goes on.
 */
@ApplicationScoped
public class ExtractionProcessor {
    private static final Logger LOG = Logger.getLogger(ExtractionProcessor.class);
    private static final String SOURCE = "/nianbao/extraction";
    private static final String STAGE = "extraction";

    @Inject
    DocumentFetcher fetcher;

    @Inject
    BoundedExtractor extractor;

    @Inject
    @Channel("parsed-out")
    MutinyEmitter<String> emitter;

    @Incoming("submitted-in")
    @Blocking
    public Uni<Void> consume(Message<String> incoming) {
        return PipelineEvents.settle(incoming, STAGE,
                () -> PipelineEvents.counted(emitter.sendMessage(parse(incoming.getPayload())), Topics.REPORT_PARSED));
    }

    private Message<String> parse(String payload) {
        ReportSubmitted submitted = PipelineEvents.read(payload, ReportSubmitted.class);
        byte[] document;
        try {
            document = fetcher.fetch(submitted.document().url());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching the document", e);
        }
        Report report = extractor.extract(document, submitted.document().fileName());
        SubmissionMetadata metadata = complete(submitted.metadata(), report);
        String key = AgencyKey.of(metadata.agencyCode(), metadata.agency());
        String eventId = "parsed:" + submitted.submissionId() + ":" + submitted.revision();
        LOG.infof("submission %s: %s %s, format %s, %d problem(s)", submitted.submissionId(), metadata.agency(),
                metadata.year(), report.format.json(), report.extraction.problems.size());
        ReportParsed parsed = new ReportParsed(eventId, submitted.submissionId(), submitted.revision(), key,
                metadata, report, Instant.now());
        return PipelineEvents.message(parsed, key, EventTypes.PARSED, eventId, submitted.submissionId(), SOURCE);
    }

    /** The platform's metadata, with what it left out filled from the document. */
    static SubmissionMetadata complete(SubmissionMetadata m, Report r) {
        SubmissionMetadata meta = m == null ? SubmissionMetadata.empty() : m;
        return new SubmissionMetadata(
                meta.agency() != null ? meta.agency() : r.agency,
                meta.agencyCode(), meta.regionCode(), meta.issuerType(),
                meta.year() != null ? meta.year() : r.year,
                meta.publishedOn() != null ? meta.publishedOn() : r.publishedOn,
                meta.sourceUrl());
    }
}
