package org.nianbao.publication.service;

import org.nianbao.events.PipelineEvent;
import org.nianbao.events.ReportHeld;
import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReportValidated;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Severity;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.model.ReportRevision;
import org.nianbao.publication.model.ReviewHold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which versions of a batch are published and which wait for a reviewer, decided in order. A version is held when its
 * platform's review policy holds it ({@link org.nianbao.events.ReviewPolicy#holds}), unless a reviewer approved its
 * round (then it is published, and its hold released) or it was published before (a redelivery). A newer round of a
 * held submission replaces the held one and waits for a new approval.
 */
final class ReviewGate {
    private final Set<ReportRevision.Key> stored;
    private final Map<String, ReviewHold> holds = new HashMap<>();
    private final List<ReviewHold> added = new ArrayList<>();
    private final List<ReviewHold> released = new ArrayList<>();
    private final List<ReportValidated> toPublish = new ArrayList<>();
    /** Per version of the batch: its hold event, or null where a publication takes its place. */
    private final List<ReportHeld> outcomes = new ArrayList<>();

    ReviewGate(Collection<ReportRevision.Key> stored, Collection<ReviewHold> holds) {
        this.stored = new HashSet<>(stored);
        holds.forEach(h -> this.holds.put(h.submissionId, h));
    }

    void decide(ReportValidated e, Instant now) {
        ReviewHold hold = holds.get(e.submissionId());
        boolean approved = hold != null && hold.approvedRound != null && hold.approvedRound >= e.validationRound();
        boolean published = stored.contains(new ReportRevision.Key(e.submissionId(), e.validationRound()));
        if (approved || published || !e.metadata().reviewPolicy().holds(e.count(Severity.ERROR))) {
            if (hold != null && hold.validationRound <= e.validationRound() && !released.contains(hold)) {
                released.add(hold);
                holds.remove(e.submissionId());
            }
            toPublish.add(e);
            outcomes.add(null);
            return;
        }
        String reportId = PublishedReport.idFor(e.agencyKey(), e.metadata().year(), e.submissionId());
        if (hold == null) {
            hold = new ReviewHold();
            hold.submissionId = e.submissionId();
            holds.put(e.submissionId(), hold);
            added.add(hold);
        }
        if (hold.event == null || e.validationRound() >= hold.validationRound) {
            hold.reportId = reportId;
            hold.agencyKey = e.agencyKey();
            hold.agency = e.metadata().agency();
            hold.regionCode = e.metadata().regionCode();
            hold.year = e.metadata().year();
            hold.revision = e.revision();
            hold.validationRound = e.validationRound();
            hold.errorCount = e.count(Severity.ERROR);
            hold.warningCount = e.count(Severity.WARNING);
            hold.event = PipelineEvents.toJson(e);
            hold.heldAt = now;
        }
        outcomes.add(ReportHeld.of(e, reportId, now));
    }

    List<ReviewHold> added() {
        return added;
    }

    /** Holds whose version is published now (not those added by this batch: they were never stored). */
    List<ReviewHold> released() {
        return released.stream().filter(h -> !added.contains(h)).toList();
    }

    /** Holds added by this batch and published in it after all (approved within the batch cannot happen; kept simple). */
    List<ReviewHold> kept() {
        return added.stream().filter(h -> !released.contains(h)).toList();
    }

    List<ReportValidated> toPublish() {
        return toPublish;
    }

    /** The batch's outcomes in its order: the publications (in order) where a version was published, else its hold. */
    List<PipelineEvent> outcomes(List<ReportPublished> publications) {
        List<PipelineEvent> events = new ArrayList<>(outcomes.size());
        int next = 0;
        for (ReportHeld held : outcomes) {
            events.add(held != null ? held : publications.get(next++));
        }
        return events;
    }
}
