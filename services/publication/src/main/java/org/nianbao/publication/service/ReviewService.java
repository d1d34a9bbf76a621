package org.nianbao.publication.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.nianbao.events.ReportValidated;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Finding;
import org.nianbao.model.OfficialTables;
import org.nianbao.model.Report;
import org.nianbao.publication.model.FindingDecision;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.model.ReportRevision;
import org.nianbao.publication.model.ReviewHold;
import org.nianbao.publication.repository.PublishedReportRepository;
import org.nianbao.publication.repository.ReportRevisionRepository;
import org.nianbao.publication.repository.ReviewRepository;
import org.nianbao.publication.review.FindingReview;
import org.nianbao.publication.review.ProblemList;
import org.nianbao.publication.review.Reviewer;
import org.nianbao.web.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What reviewers do: their queue, a report with its findings' life and decisions, confirming or dismissing a finding,
 * approving a held report, and the 问题清单 of their region. A reviewer acts only on reports of the region they cover
 * (403 otherwise). Each call runs in one transaction.
 */
@ApplicationScoped
public class ReviewService {
    @Inject
    ReviewRepository review;
    @Inject
    PublishedReportRepository reports;
    @Inject
    ReportRevisionRepository revisions;

    /**
     * A report as its reviewer sees it: its newest version (held for review, or published), its findings with their
     * life and decisions (dismissed ones apart), and whether a version of it waits for approval.
     */
    public record UnderReview(String reportId, String agencyKey, String agency, String regionCode, Integer year, String title,
                              FindingLife.Version current, boolean awaitingReview, boolean published, Report model,
                              Map<String, BigDecimal> cells, List<FindingReview.Reviewed> findings) {
    }

    /** A report in a reviewer's queue: its newest held version. */
    public record Queued(String reportId, String agency, String regionCode, Integer year, int revision, int validationRound,
                         int errors, int warnings, Instant heldAt, String submissionId) {
    }

    /** The reports of a region (within the reviewer's) that wait for a reviewer, the oldest hold first. */
    @WithTransaction
    public Uni<List<Queued>> queue(Reviewer reviewer, String region, Integer year) {
        String scope = scope(reviewer, region);
        return review.awaiting(scope, year).map(holds -> {
            Map<String, ReviewHold> newest = new LinkedHashMap<>();
            holds.forEach(h -> newest.merge(h.reportId, h, (a, b) -> b.revision > a.revision
                    || b.revision == a.revision && b.validationRound > a.validationRound ? b : a));
            return newest.values().stream().map(h -> new Queued(h.reportId, h.agency, h.regionCode, h.year, h.revision,
                    h.validationRound, h.errorCount, h.warningCount, h.heldAt, h.submissionId)).toList();
        });
    }

    @WithTransaction
    public Uni<UnderReview> report(Reviewer reviewer, String reportId) {
        return load(reviewer, reportId);
    }

    /**
     * Confirms or dismisses a finding of the report's newest version (a reason is required to dismiss), remembering the
     * values it shows; a later decision on the same finding replaces the earlier one.
     */
    @WithTransaction
    public Uni<UnderReview> decide(Reviewer reviewer, String reportId, String rule, List<String> paths,
                                   FindingReview.Decision decision, String reason) {
        if (rule == null || rule.isBlank() || decision == null) {
            throw ProblemException.badRequest("Send the finding's rule and paths, and decision CONFIRMED or DISMISSED.");
        }
        if (decision == FindingReview.Decision.DISMISSED && (reason == null || reason.isBlank())) {
            throw ProblemException.badRequest("Say why the finding is dismissed (reason): the agency and later reviewers read it.");
        }
        FindingLife.Identity identity = new FindingLife.Identity(rule, List.copyOf(new TreeSet<>(paths == null ? List.of() : paths)));
        return load(reviewer, reportId).flatMap(found -> {
            Finding finding = found.findings().stream().map(r -> r.tracked())
                    .filter(t -> t.state() != FindingLife.State.RESOLVED && FindingLife.Identity.of(t.finding()).equals(identity))
                    .map(FindingLife.Tracked::finding).findFirst()
                    .orElseThrow(() -> new ProblemException(409, "Conflict", "The newest version of report " + reportId
                            + " has no finding " + rule + " on " + identity.paths() + ": decide on the findings it shows."));
            FindingDecision.Key key = new FindingDecision.Key(reportId, rule, identity.joinedPaths());
            return review.decision(key).flatMap(existing -> {
                FindingDecision d = existing != null ? existing : new FindingDecision();
                d.key = key;
                d.decision = decision.name();
                d.reason = reason == null || reason.isBlank() ? null : reason.strip();
                d.cellValues = FindingReview.values(finding, found.cells());
                d.reviewer = reviewer.name();
                d.decidedAt = Instant.now();
                d.agencyKey = found.agencyKey();
                d.agency = found.agency();
                d.regionCode = found.regionCode();
                d.year = found.year();
                return (existing != null ? Uni.createFrom().item(d) : d.<FindingDecision>persist()).chain(() -> load(reviewer, reportId));
            });
        });
    }

    /**
     * Approves the report's held versions: each is marked approved at its round and returned, to be sent to
     * report-validated again, where publication now lets it through. Approving again re-sends what is approved and not yet
     * published. 409 when nothing of the report is held.
     */
    @WithTransaction
    public Uni<List<ReportValidated>> approve(Reviewer reviewer, String reportId) {
        return review.holdsOf(reportId).map(holds -> {
            if (holds.isEmpty()) {
                throw new ProblemException(409, "Conflict", "No version of report " + reportId + " is held for review.");
            }
            checkScope(reviewer, holds.get(0).regionCode, reportId);
            Instant now = Instant.now();
            List<ReportValidated> events = new ArrayList<>();
            for (ReviewHold h : holds) {
                if (h.awaitsReview()) {
                    h.approvedRound = h.validationRound;
                    h.approvedBy = reviewer.name();
                    h.approvedAt = now;
                }
                events.add(PipelineEvents.read(h.event, ReportValidated.class));
            }
            return events;
        });
    }

    /** The 问题清单 of a region (within the reviewer's) and year: every confirmed finding, open or resolved since. */
    @WithTransaction
    public Uni<ProblemList> problems(Reviewer reviewer, String region, int year) {
        String scope = scope(reviewer, region);
        return review.confirmed(scope, year).flatMap(decisions -> {
            List<String> reportIds = decisions.stream().map(d -> d.key.reportId).distinct().toList();
            Uni<List<ProblemList.Problem>> all = Uni.createFrom().item(new ArrayList<>());
            for (String id : reportIds) {
                all = all.flatMap(acc -> load(reviewer, id).map(found -> {
                    acc.addAll(problemsOf(found));
                    return acc;
                }));
            }
            return all.map(list -> new ProblemList(scope, year, list));
        });
    }

    /** The confirmed problems of one report, open or resolved since, with the report's year (for its 整改通知). */
    @WithTransaction
    public Uni<UnderReview> reportWithProblems(Reviewer reviewer, String reportId) {
        return load(reviewer, reportId);
    }

    /** The confirmed problems of a report as the 问题清单 lists them. */
    public static List<ProblemList.Problem> problemsOf(UnderReview r) {
        List<ProblemList.Problem> problems = new ArrayList<>();
        for (FindingReview.Reviewed f : r.findings()) {
            if (!f.confirmed()) {
                continue;
            }
            Finding finding = f.tracked().finding();
            boolean resolved = f.tracked().state() == FindingLife.State.RESOLVED;
            List<ProblemList.Cell> cells = (finding.paths() == null ? List.<String>of() : finding.paths()).stream()
                    .map(p -> cell(p, r.cells().get(p))).toList();
            problems.add(new ProblemList.Problem(r.agencyKey(), r.agency(), r.regionCode(), r.reportId(), r.title(),
                    finding.rule(), finding.severity().name(), cells, says(finding, r.cells()),
                    finding.expected() == null ? null : finding.expected().toString(), finding.message().zh(),
                    resolved ? ProblemList.State.RESOLVED : ProblemList.State.OPEN, f.tracked().first().revision(),
                    resolved ? f.tracked().since().revision() : null, f.decision().reviewer(), f.decision().reason(), f.decision().at()));
        }
        return problems;
    }

    /** What the report says: the finding's actual value, else the values of its cells. */
    private static String says(Finding f, Map<String, BigDecimal> cells) {
        if (f.actual() != null) {
            return f.actual().toString();
        }
        List<String> values = new ArrayList<>();
        (f.paths() == null ? List.<String>of() : f.paths()).forEach(p -> {
            BigDecimal v = cells.get(p);
            values.add(v == null ? "（空）" : v.stripTrailingZeros().toPlainString());
        });
        return values.isEmpty() ? null : String.join("；", values);
    }

    /** How a person names what a finding rests on outside the tables: the report's parts and its particulars. */
    private static final Map<String, String> PARTS = Map.ofEntries(Map.entry("publishedOn", "发布日期"), Map.entry("agency", "机关名称"),
            Map.entry("year", "报告年度"), Map.entry("format", "报告格式"), Map.entry("title", "标题"),
            Map.entry("active", OfficialTables.ACTIVE_HEADING), Map.entry("applications", OfficialTables.APPLICATIONS_HEADING),
            Map.entry("reviewLitigation", OfficialTables.REVIEW_HEADING), Map.entry("sections", "正文"),
            Map.entry("sections.overview", "正文 一、总体情况"), Map.entry("sections.activeDisclosure", "正文 二、主动公开政府信息情况"),
            Map.entry("sections.applications", "正文 三、收到和处理政府信息公开申请情况"),
            Map.entry("sections.reviewLitigation", "正文 四、政府信息公开行政复议、行政诉讼情况"),
            Map.entry("sections.problems", "正文 五、存在的主要问题及改进情况"), Map.entry("sections.other", "正文 六、其他需要报告的事项"));

    /** A cell as a person finds it in the report: its table, row and column (a part of the report, outside the tables). */
    static ProblemList.Cell cell(String path, BigDecimal value) {
        String table = path.startsWith("active.") ? OfficialTables.ACTIVE_HEADING
                : path.startsWith("applications.") ? OfficialTables.APPLICATIONS_HEADING
                : path.startsWith("reviewLitigation.") ? OfficialTables.REVIEW_HEADING : null;
        if (PARTS.containsKey(path)) {
            return new ProblemList.Cell(path, null, PARTS.get(path), null, value);
        }
        if (path.startsWith("applications.rows.") && !path.endsWith("]")) { // a whole row of part 三
            return new ProblemList.Cell(path, table, OfficialTables.rowLabel(path.substring("applications.rows.".length())), null, value);
        }
        String label = OfficialTables.label(path);
        int dot = label.indexOf(" · ");
        return dot < 0 ? new ProblemList.Cell(path, table, label, null, value)
                : new ProblemList.Cell(path, table, label.substring(0, dot), label.substring(dot + 3), value);
    }

    /**
     * A report's versions (published and held) in revision and round order, the newest with its findings' life and
     * the decisions taken on them. 404 when there is no version; 403 outside the reviewer's region.
     */
    private Uni<UnderReview> load(Reviewer reviewer, String reportId) {
        return reports.find(reportId).flatMap(published -> revisions.history(reportId).flatMap(history -> review.holdsOf(reportId)
                .flatMap(holds -> review.decisions(reportId).map(decisions -> {
                    if (published == null && holds.isEmpty()) {
                        throw ProblemException.notFound("No report " + reportId + " is published or held for review.");
                    }
                    String region = !holds.isEmpty() ? holds.get(holds.size() - 1).regionCode : published.regionCode;
                    checkScope(reviewer, region, reportId);
                    return assemble(reportId, published, history, holds, decisions);
                }))));
    }

    private static UnderReview assemble(String reportId, PublishedReport published, List<ReportRevision> history,
                                        List<ReviewHold> holds, List<FindingDecision> decisions) {
        record Stored(FindingLife.Version version, String model, ReportValidated held) {
        }
        Map<String, Stored> versions = new HashMap<>();
        for (ReportRevision r : history) {
            versions.put(r.key.submissionId + ":" + r.key.validationRound, new Stored(new FindingLife.Version(r.key.submissionId,
                    r.revision, r.key.validationRound, List.of(PipelineEvents.read(r.findings, Finding[].class))), r.model, null));
        }
        boolean awaiting = false;
        for (ReviewHold h : holds) {
            awaiting |= h.awaitsReview();
            ReportValidated e = PipelineEvents.read(h.event, ReportValidated.class);
            versions.putIfAbsent(h.submissionId + ":" + h.validationRound, new Stored(new FindingLife.Version(h.submissionId,
                    h.revision, h.validationRound, e.findings()), null, e));
        }
        List<Stored> ordered = versions.values().stream().sorted(Comparator.<Stored>comparingInt(s -> s.version().revision())
                .thenComparingInt(s -> s.version().validationRound())).toList();
        Stored current = ordered.get(ordered.size() - 1);
        Report model = current.held() != null ? current.held().report() : PipelineEvents.read(current.model(), Report.class);
        Map<String, BigDecimal> cells = new HashMap<>();
        CellExport.cells(model).forEach(c -> cells.put(c.path(), c.value()));
        Map<FindingLife.Identity, FindingReview.Decided> decided = new HashMap<>();
        decisions.forEach(d -> {
            FindingLife.Identity id = FindingLife.Identity.of(d.key.rule, d.key.paths);
            decided.put(id, new FindingReview.Decided(id, FindingReview.Decision.valueOf(d.decision), d.reason, d.reviewer,
                    d.decidedAt, d.cellValues));
        });
        List<FindingReview.Reviewed> findings = FindingReview.of(FindingLife.of(ordered.stream().map(Stored::version).toList()),
                decided, cells);
        ReviewHold newestHold = holds.isEmpty() ? null : holds.get(holds.size() - 1);
        String agencyKey = published != null ? published.agencyKey : newestHold.agencyKey;
        String agency = current.held() != null ? current.held().metadata().agency() : published.agency;
        String region = newestHold != null ? newestHold.regionCode : published.regionCode;
        Integer year = newestHold != null ? newestHold.year : published.year;
        String title = model.title != null ? model.title : (agency == null ? "" : agency + " ") + (year == null ? "" : year + "年度报告");
        return new UnderReview(reportId, agencyKey, agency, region, year, title, current.version(), awaiting, published != null,
                model, cells, findings);
    }

    private static void checkScope(Reviewer reviewer, String regionCode, String reportId) {
        if (!reviewer.covers(regionCode)) {
            throw new ProblemException(403, "Forbidden", "Report " + reportId + " is of region " + regionCode + "; reviewer "
                    + reviewer.name() + " reviews region " + reviewer.regionPrefix() + "* only.");
        }
    }

    private static String scope(Reviewer reviewer, String region) {
        String scope = reviewer.scope(region);
        if (scope == null) {
            throw new ProblemException(403, "Forbidden", "Region " + region + " lies outside region " + reviewer.regionPrefix()
                    + "*, which reviewer " + reviewer.name() + " reviews.");
        }
        if (!scope.matches("\\d{0,6}")) {
            throw ProblemException.badRequest("region must be the leading digits of a 行政区划代码, e.g. 32 or 3208.");
        }
        return scope;
    }
}
