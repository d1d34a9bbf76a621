package org.nianbao.publication.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.nianbao.events.EventTypes;
import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReportValidated;
import org.nianbao.events.Topics;
import org.nianbao.messaging.EventSender;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.StageCycle;
import org.nianbao.model.Finding;
import org.nianbao.model.Severity;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.model.ReportRevision;
import org.nianbao.publication.repository.ReportCellRepository;

import java.time.Instant;
import java.util.List;

/**
 * report-validated → PostgreSQL → report-published. A version already stored (same submission and
 * round) is not stored again; its report-published event is sent again, which intake ignores if it
 * already knew it. Reports with errors are published too, marked by their error count.
 */
@ApplicationScoped
public class PublicationProcessor {
    private static final Logger LOG = Logger.getLogger(PublicationProcessor.class);
    private static final String SOURCE = "/nianbao/publication";

    @Inject
    ReportCellRepository cells;

    @Inject
    @Channel("published-out")
    MutinyEmitter<String> emitter;

    private StageCycle<ReportValidated> cycle;

    @jakarta.annotation.PostConstruct
    void init() {
        cycle = StageCycle.of("publication", ReportValidated.class, EventSender.on(emitter, SOURCE));
    }

    @Incoming("validated-in")
    public Uni<Void> consume(Message<String> incoming) {
        return cycle.consume(incoming, event -> Panache.withTransaction(() -> store(event))
                .map(report -> List.of(ReportPublished.of(event, report.id, Instant.now()))));
    }

    private Uni<PublishedReport> store(ReportValidated e) {
        String reportId = PublishedReport.idFor(e.agencyKey(), e.metadata().year(), e.submissionId());
        ReportRevision.Key key = new ReportRevision.Key(e.submissionId(), e.validationRound());
        return ReportRevision.<ReportRevision>findById(key).flatMap(known -> PublishedReport.<PublishedReport>findById(reportId)
                .flatMap(current -> {
                    if (known != null && current != null) {
                        LOG.debugf("version %s round %d already published", e.submissionId(), e.validationRound());
                        return Uni.createFrom().item(current);
                    }
                    String model = PipelineEvents.toJson(e.report());
                    String findings = PipelineEvents.toJson(e.findings());
                    PublishedReport report = current != null ? current : new PublishedReport();
                    boolean newest = current == null || current.olderThan(e.revision(), e.validationRound());
                    if (newest) {
                        apply(report, reportId, e, model, findings);
                    }
                    ReportRevision revision = new ReportRevision();
                    revision.key = key;
                    revision.reportId = reportId;
                    revision.revision = e.revision();
                    revision.model = model;
                    revision.findings = findings;
                    revision.errorCount = count(e.findings(), Severity.ERROR);
                    revision.warningCount = count(e.findings(), Severity.WARNING);
                    revision.storedAt = Instant.now();
                    Uni<PublishedReport> saved = current == null ? report.persist() : Uni.createFrom().item(report);
                    return saved.call(r -> Panache.getSession().flatMap(s -> s.flush()))
                            .call(r -> newest ? cells.store(r, e.report(), e.findings()) : Uni.createFrom().voidItem())
                            .call(r -> revision.persist());
                }));
    }

    private static void apply(PublishedReport r, String id, ReportValidated e, String model, String findings) {
        Instant now = Instant.now();
        r.id = id;
        r.agencyKey = e.agencyKey();
        r.agency = e.metadata().agency();
        r.agencyCode = e.metadata().agencyCode();
        r.regionCode = e.metadata().regionCode();
        r.issuerType = e.metadata().issuerType() == null ? null : e.metadata().issuerType().code();
        r.year = e.metadata().year();
        r.format = e.report().format.json();
        r.title = e.report().title;
        r.publishedOn = e.metadata().publishedOn();
        r.sourceUrl = e.metadata().sourceUrl();
        r.submissionId = e.submissionId();
        r.revision = e.revision();
        r.validationRound = e.validationRound();
        r.model = model;
        r.findings = findings;
        r.errorCount = count(e.findings(), Severity.ERROR);
        r.warningCount = count(e.findings(), Severity.WARNING);
        r.infoCount = count(e.findings(), Severity.INFO);
        r.problemCount = e.report().extraction.problems.size();
        if (r.createdAt == null) {
            r.createdAt = now;
        }
        r.updatedAt = now;
    }

    private static int count(List<Finding> findings, Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }
}
