package org.nianbao.intake.admin;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.events.AgencyKey;
import org.nianbao.intake.model.Platform;
import org.nianbao.intake.model.Stage;
import org.nianbao.intake.model.Submission;
import org.nianbao.intake.rest.ProblemException;
import org.nianbao.intake.service.SubmissionService;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Platform credentials and replays, for administrators only (see {@link AdminAuthentication}). */
@Path("/admin/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SubmissionService submissions;

    public record PlatformRequest(String id, String name, String regionPrefix, String webhookUrl) {
    }

    /** A platform as shown to administrators; {@code apiKey} only when just issued. */
    public record PlatformView(String id, String name, String regionPrefix, String webhookUrl, String apiKey) {
        static PlatformView of(Platform p, String key) {
            return new PlatformView(p.id, p.name, p.regionPrefix, p.webhookUrl, key);
        }
    }

    public record ReplayResult(int replayed, List<String> submissionIds) {
    }

    @GET
    @Path("/platforms")
    @WithSession
    public Uni<List<PlatformView>> platforms() {
        return Platform.<Platform>listAll().map(list -> list.stream().map(p -> PlatformView.of(p, null)).toList());
    }

    /** Registers a platform (or updates it) and issues a new API key, shown once; only its hash is stored. */
    @POST
    @Path("/platforms")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PlatformView> register(PlatformRequest request) {
        if (request == null || request.id() == null || !request.id().matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw ProblemException.badRequest("id is required: 2–63 lower-case letters, digits and '-'.");
        }
        String prefix = request.regionPrefix() == null ? "" : request.regionPrefix().strip();
        if (!prefix.matches("\\d{0,6}")) {
            throw ProblemException.badRequest("regionPrefix must be the leading digits of a 行政区划代码, e.g. 32 or 3208.");
        }
        String key = newKey();
        return Panache.withTransaction(() -> Platform.<Platform>findById(request.id()).flatMap(existing -> {
            Platform p = existing != null ? existing : new Platform();
            p.id = request.id();
            p.name = request.name() == null ? request.id() : request.name();
            p.regionPrefix = prefix;
            p.webhookUrl = request.webhookUrl();
            p.keyHash = AgencyKey.sha256(key);
            if (p.createdAt == null) {
                p.createdAt = Instant.now();
            }
            return (existing != null ? Uni.createFrom().item(p) : p.<Platform>persist()).map(x -> PlatformView.of(p, key));
        }));
    }

    /**
     * Sends stored submissions through the pipeline again (e.g. after an extractor upgrade): each gets a
     * new report-submitted event from the outbox and starts again from RECEIVED.
     */
    @POST
    @Path("/replay")
    public Uni<ReplayResult> replay(@QueryParam("submission") String submissionId, @QueryParam("year") Integer year,
                                    @QueryParam("platform") String platform, @QueryParam("all") boolean all) {
        if (submissionId == null && year == null && platform == null && !all) {
            throw ProblemException.badRequest("Say what to replay: submission=<id>, year=<year>, platform=<id>, or all=true.");
        }
        StringBuilder q = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (submissionId != null) {
            q.append(" and id = :id");
            params.and("id", submissionId);
        }
        if (year != null) {
            q.append(" and year = :year");
            params.and("year", year);
        }
        if (platform != null) {
            q.append(" and platformId = :platform");
            params.and("platform", platform);
        }
        return Panache.withTransaction(() -> Submission.<Submission>list(q.toString(), params).flatMap(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Submission s : list) {
                s.status = Stage.RECEIVED;
                s.failureReason = null;
                chain = chain.chain(() -> submissions.outbox(s).persist()).replaceWithVoid();
            }
            return chain.map(x -> new ReplayResult(list.size(), list.stream().map(s -> s.id).toList()));
        }));
    }

    private static String newKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "nb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @GET
    @Path("/platforms/{id}")
    @WithSession
    public Uni<PlatformView> platform(@PathParam("id") String id) {
        return Platform.<Platform>findById(id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("No platform " + id + ".");
            }
            return PlatformView.of(p, null);
        });
    }
}
