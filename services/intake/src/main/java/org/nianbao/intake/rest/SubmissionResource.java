package org.nianbao.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.model.CreditCode;
import org.nianbao.intake.auth.PlatformAuthentication;
import org.nianbao.intake.model.Platform;
import org.nianbao.intake.model.Submission;
import org.nianbao.intake.service.SubmissionInput;
import org.nianbao.intake.service.SubmissionService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The submission API provincial platforms call. */
@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    @Inject
    SubmissionService service;

    @ConfigProperty(name = "nianbao.publication-url")
    String publicationUrl;

    /** A document as multipart/form-data: part {@code file} plus optional metadata parts. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> submitMultipart(@Context ContainerRequestContext request,
                                         @RestForm("file") FileUpload file,
                                         @RestForm String agency, @RestForm String agencyCode,
                                         @RestForm String regionCode, @RestForm String issuerType,
                                         @RestForm String year, @RestForm String publishedOn,
                                         @RestForm String sourceUrl,
                                         @HeaderParam("Idempotency-Key") String idempotencyKey) throws IOException {
        if (file == null) {
            throw ProblemException.badRequest("The document is missing: send it in a multipart part named 'file'.");
        }
        byte[] content = Files.readAllBytes(file.uploadedFile());
        SubmissionMetadata meta = metadata(agency, agencyCode, regionCode, issuerType, year, publishedOn, sourceUrl);
        return submit(request, new SubmissionInput(content, file.fileName(), null, meta, blankToNull(idempotencyKey)));
    }

    /** A text document as JSON: {@code {"text": "...", "agency": ..., ...}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> submitJson(@Context ContainerRequestContext request, JsonNode body,
                                    @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("The body must be a JSON object with the report in a 'text' field.");
        }
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual()) {
            throw ProblemException.badRequest("The JSON body has no 'text' field holding the report's text.");
        }
        SubmissionMetadata meta = metadata(str(body, "agency"), str(body, "agencyCode"), str(body, "regionCode"),
                str(body, "issuerType"), str(body, "year"), str(body, "publishedOn"), str(body, "sourceUrl"));
        String fileName = str(body, "fileName");
        return submit(request, new SubmissionInput(text.asText().getBytes(StandardCharsets.UTF_8),
                fileName == null ? "report.txt" : fileName, "text/plain; charset=utf-8", meta, blankToNull(idempotencyKey)));
    }

    /** One item's outcome in a batch answer. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record BatchItemResult(String item, int status, String id, String statusUrl, Boolean duplicate, Problem problem) {
    }

    public record BatchResult(int accepted, int duplicates, int rejected, List<BatchItemResult> results) {
    }

    /**
     * Many reports in one request: a zip of documents (optional manifest.csv: file,agency,agencyCode,regionCode,
     * issuerType,year,publishedOn,sourceUrl) or NDJSON (one JSON submission per line). One status per report;
     * a rejected item does not stop the others.
     */
    @POST
    @Path("/batch")
    @Consumes({"application/zip", "application/x-ndjson"})
    public Uni<BatchResult> batch(@Context ContainerRequestContext request, @HeaderParam("Content-Type") String contentType,
                                  byte[] body) {
        Platform platform = platform(request);
        java.util.function.Function<java.util.Map<String, String>, SubmissionMetadata> meta = f -> metadata(f.get("agency"),
                f.get("agencyCode"), f.get("regionCode"), f.get("issuerType"), f.get("year"), f.get("publishedOn"), f.get("sourceUrl"));
        List<org.nianbao.intake.service.BatchReader.Item> items = contentType != null && contentType.startsWith("application/zip")
                ? org.nianbao.intake.service.BatchReader.zip(body, meta)
                : org.nianbao.intake.service.BatchReader.ndjson(body, meta);
        return io.smallrye.mutiny.Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> item.problem() != null
                        ? Uni.createFrom().item(rejected(item.name(), item.problem()))
                        : Uni.createFrom().deferred(() -> service.submit(platform, item.input()))
                        .map(o -> new BatchItemResult(item.name(), o.created() ? 202 : 200, o.submission().id,
                                "/api/v1/submissions/" + o.submission().id, !o.created(), null))
                        .onFailure(ProblemException.class).recoverWithItem(e -> rejected(item.name(), (ProblemException) e)))
                .collect().asList()
                .map(results -> new BatchResult((int) results.stream().filter(r -> r.status() == 202).count(),
                        (int) results.stream().filter(r -> r.status() == 200).count(),
                        (int) results.stream().filter(r -> r.status() >= 400).count(), results));
    }

    private static BatchItemResult rejected(String item, ProblemException e) {
        return new BatchItemResult(item, e.status(), null, null, null,
                new Problem("about:blank", e.title(), e.status(), e.getMessage()));
    }

    private Uni<Response> submit(ContainerRequestContext request, SubmissionInput input) {
        return Uni.createFrom().deferred(() -> service.submit(platform(request), input)).map(outcome -> Response
                .status(outcome.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(java.net.URI.create("/api/v1/submissions/" + outcome.submission().id))
                .entity(SubmissionView.of(outcome.submission(), !outcome.created(), publicationUrl)).build());
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<SubmissionView> get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Platform platform = platform(request);
        return Submission.<Submission>findById(id).map(s -> {
            if (s == null || !(s.platformId.equals(platform.id) || platform.regionPrefix.isEmpty())) {
                throw ProblemException.notFound("No submission " + id + " for this platform.");
            }
            return SubmissionView.of(s, null, publicationUrl);
        });
    }

    @GET
    @WithSession
    public Uni<List<SubmissionView>> list(@Context ContainerRequestContext request, @QueryParam("status") String status,
                                          @QueryParam("year") Integer year, @QueryParam("limit") Integer limit) {
        Platform platform = platform(request);
        StringBuilder q = new StringBuilder("platformId = :platform");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("platform", platform.id);
        if (status != null) {
            q.append(" and status = :status");
            try {
                params.and("status", org.nianbao.intake.model.Stage.valueOf(status.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status must be one of RECEIVED, PARSED, VALIDATED, PUBLISHED, FAILED.");
            }
        }
        if (year != null) {
            q.append(" and year = :year");
            params.and("year", year);
        }
        q.append(" order by receivedAt desc");
        int size = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        return Submission.<Submission>find(q.toString(), params).page(0, size).list()
                .map(list -> list.stream().map(s -> SubmissionView.of(s, null, publicationUrl)).toList());
    }

    private static Platform platform(ContainerRequestContext request) {
        return (Platform) request.getProperty(PlatformAuthentication.PLATFORM_PROPERTY);
    }

    static SubmissionMetadata metadata(String agency, String agencyCode, String regionCode, String issuerType,
                                       String year, String publishedOn, String sourceUrl) {
        Integer y = null;
        if (blankToNull(year) != null) {
            try {
                y = Integer.parseInt(year.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("year must be a number such as 2024, not '" + year + "'.");
            }
        }
        LocalDate date = null;
        if (blankToNull(publishedOn) != null) {
            try {
                date = LocalDate.parse(publishedOn.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("publishedOn must be a date such as 2025-01-20, not '" + publishedOn + "'.");
            }
        }
        String region = blankToNull(regionCode);
        if (region != null && !region.matches("\\d{6}")) {
            throw ProblemException.badRequest("regionCode must be a 6-digit 行政区划代码, not '" + regionCode + "'.");
        }
        String code = blankToNull(agencyCode);
        if (code != null && CreditCode.problem(code) != null) {
            throw ProblemException.badRequest("agencyCode '" + code + "' is not a valid 统一社会信用代码: " + CreditCode.problem(code) + ".");
        }
        return new SubmissionMetadata(blankToNull(agency), code == null ? null : code.toUpperCase(java.util.Locale.ROOT), region, blankToNull(issuerType),
                y, date, blankToNull(sourceUrl));
    }

    private static String str(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
