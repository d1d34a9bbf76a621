package org.nianbao.intake.admin;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

    /** A platform's settings; in a PATCH, a null field is left unchanged and "" clears webhookUrl or oidcClientId. */
    public record PlatformRequest(String id, String name, String regionPrefix, String webhookUrl, String oidcClientId) {
    }

    /** A platform as shown to administrators; {@code apiKey} only when just issued. */
    public record PlatformView(String id, String name, String regionPrefix, String webhookUrl, String oidcClientId,
                               String apiKey) {
        static PlatformView of(Platform p, String key) {
            return new PlatformView(p.id, p.name, p.regionPrefix, p.webhookUrl, p.oidcClientId, key);
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

    /** Registers a platform (or replaces its settings) and issues a new API key, shown once; only its hash is stored. */
    @POST
    @Path("/platforms")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PlatformView> register(PlatformRequest request) {
        if (request == null || request.id() == null || !request.id().matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw ProblemException.badRequest("id is required: 2–63 lower-case letters, digits and '-'.");
        }
        String prefix = regionPrefix(request.regionPrefix() == null ? "" : request.regionPrefix());
        String key = newKey();
        return Panache.withTransaction(() -> checkOidcClientFree(request.id(), request.oidcClientId())
                .chain(() -> Platform.<Platform>findById(request.id())).flatMap(existing -> {
            Platform p = existing != null ? existing : new Platform();
            p.id = request.id();
            p.name = request.name() == null ? request.id() : request.name();
            p.regionPrefix = prefix;
            p.webhookUrl = blankToNull(request.webhookUrl());
            p.oidcClientId = blankToNull(request.oidcClientId());
            p.keyHash = AgencyKey.sha256(key);
            if (p.createdAt == null) {
                p.createdAt = Instant.now();
            }
            return (existing != null ? Uni.createFrom().item(p) : p.<Platform>persist()).map(x -> PlatformView.of(p, key));
        }));
    }

    /** Changes some of a platform's settings; its API key stays valid. */
    @PATCH
    @Path("/platforms/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PlatformView> update(@PathParam("id") String id, PlatformRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("Send the settings to change as JSON: name, regionPrefix, webhookUrl, oidcClientId.");
        }
        String prefix = request.regionPrefix() == null ? null : regionPrefix(request.regionPrefix());
        return Panache.withTransaction(() -> checkOidcClientFree(id, request.oidcClientId()).chain(() -> existing(id)).map(p -> {
            if (request.name() != null && !request.name().isBlank()) {
                p.name = request.name();
            }
            if (prefix != null) {
                p.regionPrefix = prefix;
            }
            if (request.webhookUrl() != null) {
                p.webhookUrl = blankToNull(request.webhookUrl());
            }
            if (request.oidcClientId() != null) {
                p.oidcClientId = blankToNull(request.oidcClientId());
            }
            return PlatformView.of(p, null);
        }));
    }

    /** Issues a new API key for a platform, shown once; the previous key stops working. */
    @POST
    @Path("/platforms/{id}/key")
    public Uni<PlatformView> rotateKey(@PathParam("id") String id) {
        String key = newKey();
        return Panache.withTransaction(() -> existing(id).map(p -> {
            p.keyHash = AgencyKey.sha256(key);
            return PlatformView.of(p, key);
        }));
    }

    private static Uni<Platform> existing(String id) {
        return Platform.<Platform>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No platform " + id + "; create it with POST /admin/v1/platforms."));
    }

    private static String regionPrefix(String value) {
        String prefix = value.strip();
        if (!prefix.matches("\\d{0,6}")) {
            throw ProblemException.badRequest("regionPrefix must be the leading digits of a 行政区划代码, e.g. 32 or 3208.");
        }
        return prefix;
    }

    /** One OIDC client names one platform (checked before any change, so the answer is a 409, not a constraint error). */
    private static Uni<Void> checkOidcClientFree(String id, String oidcClientId) {
        String client = blankToNull(oidcClientId);
        if (client == null) {
            return Uni.createFrom().voidItem();
        }
        return Platform.<Platform>find("oidcClientId = ?1 and id <> ?2", client, id).firstResult().invoke(other -> {
            if (other != null) {
                throw new ProblemException(409, "Conflict", "The OIDC client '" + client
                        + "' already names platform '" + other.id + "'.");
            }
        }).replaceWithVoid();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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
