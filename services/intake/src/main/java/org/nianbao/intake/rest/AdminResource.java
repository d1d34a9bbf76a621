package org.nianbao.intake.rest;

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
import jakarta.ws.rs.core.Response;
import org.nianbao.events.AgencyKey;
import org.nianbao.events.ReviewPolicy;
import org.nianbao.intake.model.Platform;
import org.nianbao.intake.repository.PlatformRepository;
import org.nianbao.intake.service.PlatformService;
import org.nianbao.intake.service.ReplayJobs;
import org.nianbao.intake.service.SubmissionService;
import org.nianbao.web.ProblemException;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** Platform credentials and replays, for administrators only (see {@link AdminAuthentication}). */
@Path("/admin/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PlatformService platformService;

    @Inject
    ReplayJobs replays;

    @Inject
    PlatformRepository platforms;

    /**
     * A platform's settings; in a PATCH, a null field is left unchanged and "" clears webhookUrl or oidcClientId.
     * {@code review}: PUBLISH_AT_ONCE (the default), REVIEW_FIRST or REVIEW_WHEN_ERRORS, for submissions from then on.
     */
    public record PlatformRequest(String id, String name, String regionPrefix, String webhookUrl, String oidcClientId,
                                  ReviewPolicy review) {
    }

    /** A platform as shown to administrators; {@code apiKey} only when just issued. */
    public record PlatformView(String id, String name, String regionPrefix, String webhookUrl, String oidcClientId,
                               ReviewPolicy review, String apiKey) {
        static PlatformView of(Platform p, String key) {
            return new PlatformView(p.id, p.name, p.regionPrefix, p.webhookUrl, p.oidcClientId, p.reviewPolicy, key);
        }
    }

    @GET
    @Path("/platforms")
    public Uni<List<PlatformView>> platforms() {
        return platforms.all().map(list -> list.stream().map(p -> PlatformView.of(p, null)).toList());
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
        return platformService.register(new PlatformService.Settings(request.id(), request.name(), prefix, request.webhookUrl(),
                request.oidcClientId(), request.review()), AgencyKey.sha256(key)).map(p -> PlatformView.of(p, key));
    }

    /** Changes some of a platform's settings; its API key stays valid. */
    @PATCH
    @Path("/platforms/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PlatformView> update(@PathParam("id") String id, PlatformRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("Send the settings to change as JSON: name, regionPrefix, webhookUrl, oidcClientId, review.");
        }
        String prefix = request.regionPrefix() == null ? null : regionPrefix(request.regionPrefix());
        return platformService.update(id, new PlatformService.Settings(id, request.name(), prefix, request.webhookUrl(),
                request.oidcClientId(), request.review())).map(p -> PlatformView.of(p, null));
    }

    /** Issues a new API key for a platform, shown once; the previous key stops working. */
    @POST
    @Path("/platforms/{id}/key")
    public Uni<PlatformView> rotateKey(@PathParam("id") String id) {
        String key = newKey();
        return platformService.rotateKey(id, AgencyKey.sha256(key)).map(p -> PlatformView.of(p, key));
    }

    private static String regionPrefix(String value) {
        String prefix = value.strip();
        if (!prefix.matches("\\d{0,6}")) {
            throw ProblemException.badRequest("regionPrefix must be the leading digits of a 行政区划代码, e.g. 32 or 3208.");
        }
        return prefix;
    }

    /**
     * Sends stored submissions through the pipeline again (e.g. after an extractor upgrade): each gets a new
     * report-submitted event from the outbox and starts again from RECEIVED. Answered at once (202) with the replay
     * job, which runs in the background; {@code GET /admin/v1/replays/{id}} follows it. {@code after} (a submission
     * id) goes on where a stopped job left off.
     */
    @POST
    @Path("/replay")
    public Response replay(@QueryParam("submission") String submissionId, @QueryParam("year") Integer year,
                           @QueryParam("platform") String platform, @QueryParam("all") boolean all,
                           @QueryParam("after") String after) {
        if (submissionId == null && year == null && platform == null && !all) {
            throw ProblemException.badRequest("Say what to replay: submission=<id>, year=<year>, platform=<id>, or all=true.");
        }
        ReplayJobs.Job job = replays.start(new SubmissionService.ReplayFilter(submissionId, year, platform), after);
        return Response.accepted(job).location(URI.create("/admin/v1/replays/" + job.id())).build();
    }

    /** A replay job: RUNNING, DONE or FAILED, with how many submissions it replayed so far and the last one. */
    @GET
    @Path("/replays/{id}")
    public ReplayJobs.Job replayJob(@PathParam("id") String id) {
        return replays.find(id).orElseThrow(() -> ProblemException.notFound("No replay " + id
                + " in this intake process (jobs are kept in memory, the last 100; a replica answers for its own)."));
    }

    private static String newKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "nb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @GET
    @Path("/platforms/{id}")
    public Uni<PlatformView> platform(@PathParam("id") String id) {
        return platforms.find(id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("No platform " + id + ".");
            }
            return PlatformView.of(p, null);
        });
    }
}
