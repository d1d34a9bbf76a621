package org.nianbao.extractionservice.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportSubmitted;
import org.nianbao.extraction.UnreadableDocumentException;
import org.nianbao.extractionservice.client.DocumentClient;
import org.nianbao.messaging.Transience;
import org.nianbao.model.Report;

import java.time.Instant;

/**
 * Reads a submitted document into the canonical model. A report read in part moves on with its problems recorded;
 * a document that cannot be read (over a limit, damaged, encrypted, no report in it, longer than its deadline to
 * read) is a permanent failure with a reason a person understands (intake then marks the submission FAILED with it).
 * Blocking work: called on a worker thread.
 */
@ApplicationScoped
public class ExtractionService {
    private static final Logger LOG = Logger.getLogger(ExtractionService.class);

    @Inject
    DocumentClient documents;

    @Inject
    BoundedExtractor extractor;

    public ReportParsed parse(ReportSubmitted submitted) {
        byte[] document = documents.fetch(submitted.document().url());
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
