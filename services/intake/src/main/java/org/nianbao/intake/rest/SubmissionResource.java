package org.nianbao.intake.rest;

import org.nianbao.web.Problem;
import org.nianbao.web.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.core.HttpHeaders;
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
import org.nianbao.intake.repository.SubmissionRepository;
import org.nianbao.messaging.Transience;


import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The submission API provincial platforms call. */
@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SubmissionResource.class);

    @Inject
    SubmissionService service;

    @Inject
    SubmissionRepository submissions;

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
        return submit(request, multipart(file, new String[]{agency, agencyCode, regionCode, issuerType, year, publishedOn, sourceUrl},
                SubmissionFields.idempotencyKey(idempotencyKey)));
    }

    /** A multipart document and its metadata parts (in the order of {@link SubmissionFields#METADATA}) as an input. */
    static SubmissionInput multipart(FileUpload file, String[] metadata, String idempotencyKey) throws IOException {
        if (file == null) {
            throw ProblemException.badRequest("The document is missing: send it in a multipart part named 'file'.");
        }
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        for (int i = 0; i < metadata.length; i++) {
            fields.put(SubmissionFields.METADATA.get(i), metadata[i]);
        }
        SubmissionMetadata meta = SubmissionFields.metadata(fields);
        DocumentCheck.checkSize(file.size());
        return new SubmissionInput(Files.readAllBytes(file.uploadedFile()), SubmissionFields.fileName(file.fileName()), null, meta,
                idempotencyKey);
    }

    /** A text document as JSON: {@code {"text": "...", "agency": ..., ...}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Response submitJson(@Context ContainerRequestContext request, JsonNode body,
                               @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return submit(request, BatchReader.jsonSubmission(body, SubmissionFields.idempotencyKey(idempotencyKey)));
    }

    /** One item's outcome in a batch answer: stored (202 new, 200 already stored) with its id, or not stored and why. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record BatchItemResult(String item, int status, boolean stored, String id, String statusUrl, Boolean duplicate,
                                  Problem problem) {
    }

    /**
     * A batch answer, one result per item in the batch's order: {@code accepted} new submissions stored,
     * {@code duplicates} already stored, {@code rejected} refused (4xx: fix and send again), {@code notStored}
     * not stored because of a failure on our side (5xx, e.g. the database away: send these items again; a repeated
     * item is recognised, so sending the whole batch again is safe too).
     */
    public record BatchResult(int accepted, int duplicates, int rejected, int notStored, List<BatchItemResult> results) {
    }

    /** Seconds a client is asked to wait before sending again what was not stored for a transient failure. */
    static final int RETRY_AFTER_SECONDS = 10;
    /** At most this long for one submission's storing: a frozen database must not hang a request. */
    static final Duration STORE_TIMEOUT = Duration.ofSeconds(15);

    /** Items of a batch stored together, in one transaction, at most (see {@link #CHUNK_BYTES}). */
    @ConfigProperty(name = "nianbao.batch.chunk-size", defaultValue = "50")
    int chunkSize;

    /** Documents of a batch held at once, at most, while a chunk is gathered. */
    static final long CHUNK_BYTES = 16L * 1024 * 1024;

    /**
     * Many reports in one request: a zip of documents (optional manifest.csv: file,agency,agencyCode,regionCode,
     * issuerType,year,publishedOn,sourceUrl) or NDJSON (one JSON submission per line). One result per report, saying
     * exactly what was stored: a rejected item does not stop the others. Items are checked as they are read and stored
     * in chunks, each in one transaction; once the database fails (transiently), the chunk's items and those left are
     * reported as not stored (those left without being tried), and the answer carries Retry-After.
     */
    @POST
    @Path("/batch")
    @Consumes({"application/zip", "application/x-ndjson"})
    @Blocking
    public Response batch(@Context ContainerRequestContext request, @HeaderParam("Content-Type") String contentType,
                          InputStream body) throws IOException {
        BatchItems items = new BatchItems(platform(request));
        try {
            if (contentType != null && contentType.startsWith("application/zip")) {
                BatchReader.zip(body, items::add);
            } else {
                BatchReader.ndjson(body, items::add);
            }
        } catch (IOException | RuntimeException e) {
            if (items.results.isEmpty()) {
                throw e;
            }
            // Items were read already: they are stored; say that the rest of the batch was not read.
            items.results.add(e instanceof ProblemException p ? rejected("rest of the batch", p)
                    : new BatchItemResult("rest of the batch", 400, false, null, null, null, new Problem("about:blank", "Bad request",
                    400, "The rest of the batch could not be read (" + e.getMessage() + "); the items listed before were handled"
                    + " as they say. Send the rest again.")));
        }
        items.flush();
        List<BatchItemResult> results = items.results;
        BatchResult answer = new BatchResult((int) results.stream().filter(r -> r.status() == 202).count(),
                (int) results.stream().filter(r -> r.status() == 200).count(),
                (int) results.stream().filter(r -> r.status() >= 400 && r.status() < 500).count(),
                (int) results.stream().filter(r -> r.status() >= 500).count(), results);
        Response.ResponseBuilder response = Response.ok(answer);
        if (answer.notStored() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /**
     * A batch's answers in its order, and the checked items waiting to be stored (their answers' places kept): a
     * chunk is stored once it has {@link #chunkSize} items or {@link #CHUNK_BYTES} of documents, and at the end.
     */
    private final class BatchItems {
        final Platform platform;
        final List<BatchItemResult> results = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<Integer> places = new ArrayList<>();
        private final List<SubmissionService.Prepared> chunk = new ArrayList<>();
        private long bytes;
        private boolean unavailable;

        BatchItems(Platform platform) {
            this.platform = platform;
        }

        /** Checks an item (hash, document) on this worker thread; stores the chunk when it is full. */
        void add(BatchReader.Item item) {
            if (item.problem() != null) {
                results.add(rejected(item.name(), item.problem()));
                return;
            }
            if (unavailable) {
                results.add(notStored(item.name(), "Not tried: the database became unavailable earlier in this batch."));
                return;
            }
            SubmissionService.Prepared prepared;
            try {
                prepared = service.prepare(platform, item.input());
            } catch (ProblemException e) {
                results.add(rejected(item.name(), e));
                return;
            } catch (RuntimeException e) {
                results.add(failed(item.name(), e));
                return;
            }
            names.add(item.name());
            places.add(results.size());
            results.add(null);
            chunk.add(prepared);
            bytes += prepared.content().length;
            if (chunk.size() >= chunkSize || bytes >= CHUNK_BYTES) {
                flush();
            }
        }

        /** Stores the chunk gathered, in one transaction; after a failure that is not transient, item by item. */
        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            List<BatchItemResult> answers = new ArrayList<>(chunk.size());
            try {
                List<SubmissionService.Stored> stored = await(() -> service.storeAll(chunk));
                for (int i = 0; i < chunk.size(); i++) {
                    SubmissionService.Stored one = stored.get(i);
                    answers.add(one.problem() != null ? rejected(names.get(i), one.problem()) : stored(names.get(i), one.id(), one.created()));
                }
            } catch (RuntimeException e) {
                if (Transience.isTransient(e)) {
                    LOG.warnf("batch: %d items not stored (transient): %s", chunk.size(), e.getMessage());
                    names.forEach(name -> answers.add(notStored(name, "Not stored: the database is unavailable (" + e.getMessage()
                            + "). Send this item again later.")));
                } else {
                    LOG.warnf("batch: a chunk of %d failed (%s); storing its items one at a time", chunk.size(), e.getMessage());
                    for (int i = 0; i < chunk.size(); i++) {
                        answers.add(storeOne(names.get(i), chunk.get(i)));
                    }
                }
            }
            for (int i = 0; i < answers.size(); i++) {
                results.set(places.get(i), answers.get(i));
                unavailable |= answers.get(i).status() == 503;
            }
            names.clear();
            places.clear();
            chunk.clear();
            bytes = 0;
        }
    }

    /** Stores one checked item in a transaction of its own. */
    private BatchItemResult storeOne(String name, SubmissionService.Prepared prepared) {
        try {
            SubmissionService.Outcome o = await(() -> service.store(prepared));
            return stored(name, o.submission().id, o.created());
        } catch (ProblemException e) {
            return rejected(name, e);
        } catch (RuntimeException e) {
            if (Transience.isTransient(e)) {
                LOG.warnf("batch item %s not stored (transient): %s", name, e.getMessage());
                return notStored(name, "Not stored: the database is unavailable (" + e.getMessage() + "). Send this item again later.");
            }
            return failed(name, e);
        }
    }

    private static BatchItemResult stored(String name, String id, boolean created) {
        return new BatchItemResult(name, created ? 202 : 200, true, id, "/api/v1/submissions/" + id, !created, null);
    }

    private static BatchItemResult failed(String name, RuntimeException e) {
        LOG.errorf(e, "batch item %s not stored", name);
        return new BatchItemResult(name, 500, false, null, null, null,
                new Problem("about:blank", "Internal error", 500, "Not stored: this item could not be processed."));
    }

    private static BatchItemResult notStored(String item, String detail) {
        return new BatchItemResult(item, 503, false, null, null, null, new Problem("about:blank", "Service unavailable", 503, detail));
    }

    /**
     * Stores a submission from a worker thread: the checks and hashing run here, the storing on a Vert.x context.
     */
    private SubmissionService.Outcome store(Platform platform, SubmissionInput input) {
        SubmissionService.Prepared prepared = service.prepare(platform, input);
        return await(() -> service.store(prepared));
    }

    /**
     * Waits on this worker thread for storing on a Vert.x context, at most {@link #STORE_TIMEOUT} (a timeout is
     * transient: the request may be sent again safely).
     */
    private static <T> T await(java.util.function.Supplier<Uni<T>> storing) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().deferred(storing::get)
                    .ifNoItem().after(STORE_TIMEOUT).failWith(() -> new java.util.concurrent.TimeoutException(
                            "the database did not answer within " + STORE_TIMEOUT.toSeconds() + " s")));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new Transience.TransientFailure(e.getMessage(), e);
        }
    }

    private static BatchItemResult rejected(String item, ProblemException e) {
        return new BatchItemResult(item, e.status(), false, null, null, null,
                new Problem("about:blank", e.title(), e.status(), e.getMessage()));
    }

    /**
     * Stores one submission. A transient failure (the database away or too slow) answers 503 with Retry-After: the
     * same request may be sent again (with its Idempotency-Key, or the same document: nothing is stored twice).
     */
    private Response submit(ContainerRequestContext request, SubmissionInput input) {
        SubmissionService.Outcome outcome;
        try {
            outcome = store(platform(request), input);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (!Transience.isTransient(e)) {
                throw e;
            }
            LOG.warnf("submission not stored (transient): %s", e.getMessage());
            return Response.fromResponse(Problem.response(503, "Service unavailable", "The database is unavailable ("
                            + e.getMessage() + "); send the same request again in a few seconds: a repeated request is"
                            + " recognised (Idempotency-Key or the same document), so nothing is stored twice."))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        return Response.status(outcome.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(java.net.URI.create("/api/v1/submissions/" + outcome.submission().id))
                .entity(SubmissionView.of(outcome.submission(), !outcome.created(), publicationUrl)).build();
    }

    @GET
    @Path("/{id}")
    public Uni<SubmissionView> get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Platform platform = platform(request);
        return submissions.find(id).flatMap(s -> {
            if (s == null || !(s.platformId.equals(platform.id) || platform.regionPrefix.isEmpty())) {
                throw ProblemException.notFound("No submission " + id + " for this platform.");
            }
            return submissions.history(id).map(history -> SubmissionView.of(s, null, publicationUrl).withHistory(history));
        });
    }

    @GET
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
                throw ProblemException.badRequest("status must be one of RECEIVED, PARSED, VALIDATED, IN_REVIEW, PUBLISHED, FAILED.");
            }
        }
        if (year != null) {
            q.append(" and year = :year");
            params.and("year", number("year", year));
        }
        q.append(" order by receivedAt desc");
        int size = limit == null ? 100 : Math.max(1, Math.min(number("limit", limit), 1000));
        return submissions.page(q.toString(), params, size)
                .map(list -> list.stream().map(s -> SubmissionView.of(s, null, publicationUrl)).toList());
    }

    static Platform platform(ContainerRequestContext request) {
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
