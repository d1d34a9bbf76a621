package org.nianbao.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
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
import org.nianbao.intake.auth.PlatformAuthentication;
import org.nianbao.intake.model.Platform;
import org.nianbao.intake.model.Submission;
import org.nianbao.intake.service.BatchReader;
import org.nianbao.intake.service.DocumentCheck;
import org.nianbao.intake.service.SubmissionFields;
import org.nianbao.intake.service.SubmissionInput;
import org.nianbao.intake.service.SubmissionService;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The submission API provincial platforms call. */
@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    @Inject
    SubmissionService service;

    @ConfigProperty(name = "nianbao.publication-url")
    String publicationUrl;

    /**
     * A document as multipart/form-data: part {@code file} plus optional metadata parts. Blocking, like the other
     * submission endpoints: reading and checking up to 30 MB is kept off the event loop.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Response submitMultipart(@Context ContainerRequestContext request,
                                    @RestForm("file") FileUpload file,
                                    @RestForm String agency, @RestForm String agencyCode,
                                    @RestForm String regionCode, @RestForm String issuerType,
                                    @RestForm String year, @RestForm String publishedOn,
                                    @RestForm String sourceUrl,
                                    @HeaderParam("Idempotency-Key") String idempotencyKey) throws IOException {
        if (file == null) {
            throw ProblemException.badRequest("The document is missing: send it in a multipart part named 'file'.");
        }
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        String[] values = {agency, agencyCode, regionCode, issuerType, year, publishedOn, sourceUrl};
        for (int i = 0; i < values.length; i++) {
            fields.put(SubmissionFields.METADATA.get(i), values[i]);
        }
        SubmissionMetadata meta = SubmissionFields.metadata(fields);
        String fileName = SubmissionFields.fileName(file.fileName());
        String key = SubmissionFields.idempotencyKey(idempotencyKey);
        DocumentCheck.checkSize(file.size());
        byte[] content = Files.readAllBytes(file.uploadedFile());
        return submit(request, new SubmissionInput(content, fileName, null, meta, key));
    }

    /** A text document as JSON: {@code {"text": "...", "agency": ..., ...}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Response submitJson(@Context ContainerRequestContext request, JsonNode body,
                               @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return submit(request, BatchReader.jsonSubmission(body, SubmissionFields.idempotencyKey(idempotencyKey)));
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
    @Blocking
    public BatchResult batch(@Context ContainerRequestContext request, @HeaderParam("Content-Type") String contentType,
                             InputStream body) throws IOException {
        Platform platform = platform(request);
        List<BatchItemResult> results = new ArrayList<>();
        java.util.function.Consumer<BatchReader.Item> submitItem = item -> results.add(item.problem() != null
                ? rejected(item.name(), item.problem()) : submitOne(platform, item));
        if (contentType != null && contentType.startsWith("application/zip")) {
            BatchReader.zip(body, submitItem);
        } else {
            BatchReader.ndjson(body, submitItem);
        }
        return new BatchResult((int) results.stream().filter(r -> r.status() == 202).count(),
                (int) results.stream().filter(r -> r.status() == 200).count(),
                (int) results.stream().filter(r -> r.status() >= 400).count(), results);
    }

    private BatchItemResult submitOne(Platform platform, BatchReader.Item item) {
        try {
            SubmissionService.Outcome o = store(platform, item.input());
            return new BatchItemResult(item.name(), o.created() ? 202 : 200, o.submission().id,
                    "/api/v1/submissions/" + o.submission().id, !o.created(), null);
        } catch (ProblemException e) {
            return rejected(item.name(), e);
        }
    }

    /** Stores a submission from a worker thread, waiting for the outcome (the store itself runs on a Vert.x context). */
    private SubmissionService.Outcome store(Platform platform, SubmissionInput input) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().deferred(() -> service.submit(platform, input)));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static BatchItemResult rejected(String item, ProblemException e) {
        return new BatchItemResult(item, e.status(), null, null, null,
                new Problem("about:blank", e.title(), e.status(), e.getMessage()));
    }

    private Response submit(ContainerRequestContext request, SubmissionInput input) {
        SubmissionService.Outcome outcome = store(platform(request), input);
        return Response.status(outcome.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(java.net.URI.create("/api/v1/submissions/" + outcome.submission().id))
                .entity(SubmissionView.of(outcome.submission(), !outcome.created(), publicationUrl)).build();
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
                                          @QueryParam("year") String year, @QueryParam("limit") String limit) {
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
            params.and("year", number("year", year));
        }
        q.append(" order by receivedAt desc");
        int size = limit == null ? 100 : Math.max(1, Math.min(number("limit", limit), 1000));
        return Submission.<Submission>find(q.toString(), params).page(0, size).list()
                .map(list -> list.stream().map(s -> SubmissionView.of(s, null, publicationUrl)).toList());
    }

    private static Platform platform(ContainerRequestContext request) {
        return (Platform) request.getProperty(PlatformAuthentication.PLATFORM_PROPERTY);
    }

    private static int number(String param, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(param + " must be a whole number such as 2024, not '" + value + "'.");
        }
    }
}
