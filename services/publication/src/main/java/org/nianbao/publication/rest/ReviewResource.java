package org.nianbao.publication.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nianbao.model.Json;
import org.nianbao.publication.auth.ReviewerAuthentication;
import org.nianbao.publication.messaging.Approvals;
import org.nianbao.publication.review.FindingReview;
import org.nianbao.publication.review.ProblemList;
import org.nianbao.publication.review.ProblemWorkbook;
import org.nianbao.publication.review.RectificationNotice;
import org.nianbao.publication.service.FindingLife;
import org.nianbao.publication.service.ReviewService;
import org.nianbao.web.ProblemException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The review API, for reviewers ({@link ReviewerAuthentication}): the queue of held reports, a report's findings with
 * their decisions, confirm or dismiss, approve, and the 问题清单 with its XLSX and each report's 整改通知 (DOCX).
 */
@Path("/review/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    ReviewService review;
    @Inject
    Approvals approvals;

    /** Who sends the 整改通知 (its signature). */
    @ConfigProperty(name = "nianbao.review.office", defaultValue = "政务公开工作主管部门")
    String office;
    /** Days an agency is given to correct, counted from the notice's date (unless correctBy says otherwise). */
    @ConfigProperty(name = "nianbao.review.correction-days", defaultValue = "15")
    int correctionDays;

    /** A decision on a finding: its rule and cells (paths), CONFIRMED or DISMISSED, and why (required to dismiss). */
    public record DecisionRequest(String rule, List<String> paths, FindingReview.Decision decision, String reason) {
    }

    @GET
    @Path("/queue")
    public Uni<List<ReviewService.Queued>> queue(@Context ContainerRequestContext request, @QueryParam("region") String region,
                                                 @QueryParam("year") Integer year) {
        return review.queue(ReviewerAuthentication.of(request), region, year);
    }

    @GET
    @Path("/reports/{id}")
    public Uni<ObjectNode> report(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return review.report(ReviewerAuthentication.of(request), id).map(ReviewResource::view);
    }

    @PUT
    @Path("/reports/{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> decide(@Context ContainerRequestContext request, @PathParam("id") String id, DecisionRequest body) {
        if (body == null) {
            throw ProblemException.badRequest("Send {rule, paths, decision: CONFIRMED|DISMISSED, reason}.");
        }
        return review.decide(ReviewerAuthentication.of(request), id, body.rule(), body.paths(), body.decision(), body.reason())
                .map(ReviewResource::view);
    }

    /** Approves the report's held versions: 202, they are published once publication has read them again. */
    @POST
    @Path("/reports/{id}/approve")
    public Uni<Response> approve(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return review.approve(ReviewerAuthentication.of(request), id).flatMap(events -> approvals.release(events)
                .map(x -> {
                    ObjectNode n = Json.mapper().createObjectNode();
                    n.put("reportId", id);
                    n.put("approvedVersions", events.size());
                    n.put("report", "/api/v1/reports/" + id);
                    return Response.accepted(n).build();
                }));
    }

    @GET
    @Path("/problems")
    public Uni<ProblemList> problems(@Context ContainerRequestContext request, @QueryParam("region") String region,
                                     @QueryParam("year") Integer year) {
        return review.problems(ReviewerAuthentication.of(request), region, required(year));
    }

    @GET
    @Path("/problems/summary")
    public Uni<ProblemList.Summary> summary(@Context ContainerRequestContext request, @QueryParam("region") String region,
                                            @QueryParam("year") Integer year) {
        return review.problems(ReviewerAuthentication.of(request), region, required(year)).map(ProblemList::summary);
    }

    @GET
    @Path("/problems.xlsx")
    @Produces(XLSX)
    public Uni<Response> problemsXlsx(@Context ContainerRequestContext request, @QueryParam("region") String region,
                                      @QueryParam("year") Integer year) {
        return review.problems(ReviewerAuthentication.of(request), region, required(year))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(list -> Response.ok(ProblemWorkbook.write(list)).header("Content-Disposition",
                        "attachment; filename=\"problems-" + (list.regionPrefix().isEmpty() ? "all" : list.regionPrefix())
                                + "-" + list.year() + ".xlsx\"").build());
    }

    /** The report's 整改通知: its open confirmed problems, to be corrected by {@code correctBy} (yyyy-MM-dd). */
    @GET
    @Path("/reports/{id}/notice.docx")
    @Produces(DOCX)
    public Uni<Response> notice(@Context ContainerRequestContext request, @PathParam("id") String id,
                                @QueryParam("correctBy") String correctBy) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate by = date(correctBy, today.plusDays(correctionDays));
        return review.reportWithProblems(ReviewerAuthentication.of(request), id).emitOn(Infrastructure.getDefaultWorkerPool()).map(r -> {
            List<ProblemList.Problem> problems = ReviewService.problemsOf(r);
            if (problems.isEmpty()) {
                throw new ProblemException(409, "Conflict", "No finding of report " + id + " is confirmed: confirm the problems"
                        + " the agency must correct first.");
            }
            byte[] docx = RectificationNotice.write(new ProblemList.Notice(office, today, by), r.year() == null ? 0 : r.year(), problems);
            return Response.ok(docx).header("Content-Disposition", "attachment; filename=\"notice-" + id + ".docx\"").build();
        });
    }

    private static int required(Integer year) {
        if (year == null) {
            throw ProblemException.badRequest("year is required (the report year, e.g. 2024).");
        }
        return year;
    }

    private static LocalDate date(String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("correctBy must be a date like 2025-06-30.");
        }
    }

    /** A report under review as JSON: the findings raised (with decisions), then the dismissed and the resolved ones. */
    static ObjectNode view(ReviewService.UnderReview r) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("reportId", r.reportId());
        n.put("agencyKey", r.agencyKey());
        n.put("agency", r.agency());
        n.put("regionCode", r.regionCode());
        n.put("year", r.year());
        n.put("title", r.title());
        n.put("submissionId", r.current().submissionId());
        n.put("revision", r.current().revision());
        n.put("validationRound", r.current().validationRound());
        n.put("awaitingReview", r.awaitingReview());
        n.put("published", r.published());
        ArrayNode raised = n.putArray("findings");
        ArrayNode dismissed = n.putArray("dismissedFindings");
        ArrayNode resolved = n.putArray("resolvedFindings");
        for (FindingReview.Reviewed f : r.findings()) {
            ObjectNode j = Json.mapper().valueToTree(f.tracked().finding());
            j.put("state", f.tracked().state().name().toLowerCase(Locale.ROOT));
            ObjectNode since = j.putObject("since");
            since.put("revision", f.tracked().since().revision());
            since.put("validationRound", f.tracked().since().validationRound());
            if (f.decision() != null) {
                ObjectNode d = j.putObject("decision");
                d.put("decision", f.decision().decision().name());
                d.put("reason", f.decision().reason());
                d.put("reviewer", f.decision().reviewer());
                d.put("decidedAt", f.decision().at().toString());
                j.put("raisedAgain", f.raisedAgain());
            }
            (f.tracked().state() == FindingLife.State.RESOLVED ? resolved : f.dismissed() ? dismissed : raised).add(j);
        }
        return n;
    }
}
