package org.nianbao.publication.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.nianbao.events.AgencyKey;
import org.nianbao.publication.model.RegisteredReviewer;
import org.nianbao.publication.review.Reviewer;
import org.nianbao.publication.service.ReviewerService;
import org.nianbao.web.ProblemException;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Administrators register reviewers (behind the admin token): a name, a role ({@code reviewer} or {@code admin}) and
 * the region they review; the token is shown once, only its SHA-256 is stored. Registering a name again issues a new
 * token and replaces its settings.
 */
@Path("/admin/v1/reviewers")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewerAdminResource {
    private static final SecureRandom RANDOM = new SecureRandom();

    public record ReviewerRequest(String name, String role, String regionPrefix) {
    }

    /** A reviewer as administrators see it; {@code token} only when just issued. */
    public record ReviewerView(String name, String role, String regionPrefix, Instant createdAt, String token) {
        static ReviewerView of(RegisteredReviewer r, String token) {
            return new ReviewerView(r.name, r.role, r.regionPrefix, r.createdAt, token);
        }
    }

    @Inject
    ReviewerService reviewers;

    @GET
    public Uni<List<ReviewerView>> list() {
        return reviewers.list().map(all -> all.stream().map(r -> ReviewerView.of(r, null)).toList());
    }

    /** Registers a reviewer (201), or replaces the settings and token of one (200). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(ReviewerRequest request) {
        if (request == null || request.name() == null || !request.name().strip().matches("[\\p{L}\\p{N}._@-]{2,100}")) {
            throw ProblemException.badRequest("name is required: 2–100 letters, digits and . _ @ -.");
        }
        Reviewer.Role role;
        try {
            role = Reviewer.Role.valueOf((request.role() == null ? "reviewer" : request.role()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("role must be 'reviewer' or 'admin'.");
        }
        String prefix = request.regionPrefix() == null ? "" : request.regionPrefix().strip();
        if (!prefix.matches("\\d{0,6}") || role == Reviewer.Role.REVIEWER && prefix.isEmpty()) {
            throw ProblemException.badRequest("regionPrefix must be the leading digits of the 行政区划代码 the reviewer covers,"
                    + " e.g. 32 or 3208 (only an admin reviews every region).");
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = "rv_" + HexFormat.of().formatHex(bytes);
        return reviewers.register(request.name().strip(), role, prefix, AgencyKey.sha256(token)).map(r ->
                Response.status(r.created() ? 201 : 200).entity(ReviewerView.of(r.reviewer(), token)).build());
    }

    @DELETE
    @Path("/{name}")
    public Uni<Response> remove(@PathParam("name") String name) {
        return reviewers.remove(name).map(x -> Response.noContent().build());
    }
}
