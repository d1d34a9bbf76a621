package org.nianbao.publication.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.nianbao.model.Finding;
import org.nianbao.model.Json;
import org.nianbao.publication.service.FindingLife;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reviewers' decisions applied to a report's findings. A decision belongs to a finding's identity (its rule and cells,
 * {@link FindingLife.Identity}) and carries over to later rounds and revisions: a confirmed finding stays confirmed
 * while it is raised; a dismissed one is not raised again while it rests on the same cells with the same values, and
 * is raised again (its dismissal shown as of other values) once they change.
 */
public final class FindingReview {
    public enum Decision { CONFIRMED, DISMISSED }

    /** A decision as taken: on which finding, what, why, by whom, when, and on which values. */
    public record Decided(FindingLife.Identity identity, Decision decision, String reason, String reviewer, Instant at,
                          String values) {
    }

    /**
     * A finding of the version under review (or resolved before it) with its decision, if any. {@code dismissed}: it
     * is not raised (dismissed on the values it still shows).
     */
    public record Reviewed(FindingLife.Tracked tracked, Decided decision, boolean dismissed) {
        public boolean confirmed() {
            return decision != null && decision.decision() == Decision.CONFIRMED;
        }

        /** Dismissed once, but its values changed since: raised again, to decide anew. */
        public boolean raisedAgain() {
            return decision != null && decision.decision() == Decision.DISMISSED && !dismissed;
        }
    }

    private FindingReview() {
    }

    /** The findings with their decisions; {@code cells}: the values of the version under review, by path. */
    public static List<Reviewed> of(List<FindingLife.Tracked> tracked, Map<FindingLife.Identity, Decided> decisions,
                                    Map<String, BigDecimal> cells) {
        List<Reviewed> reviewed = new ArrayList<>(tracked.size());
        for (FindingLife.Tracked t : tracked) {
            Decided d = decisions.get(FindingLife.Identity.of(t.finding()));
            boolean dismissed = d != null && d.decision() == Decision.DISMISSED && t.state() != FindingLife.State.RESOLVED
                    && d.values().equals(values(t.finding(), cells));
            reviewed.add(new Reviewed(t, d, dismissed));
        }
        return reviewed;
    }

    /**
     * What a finding shows, as a decision remembers it: its actual and expected values and the values of the cells it
     * rests on (null where blank or not a table cell), as canonical JSON.
     */
    public static String values(Finding f, Map<String, BigDecimal> cells) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("actual", f.actual() == null ? null : f.actual().toString());
        shown.put("expected", f.expected() == null ? null : f.expected().toString());
        Map<String, String> values = new TreeMap<>();
        (f.paths() == null ? List.<String>of() : f.paths()).forEach(p -> {
            BigDecimal v = cells.get(p);
            values.put(p, v == null ? null : v.stripTrailingZeros().toPlainString());
        });
        shown.put("cells", values);
        try {
            return Json.mapper().writeValueAsString(shown);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
