package org.nianbao.intake.auth;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.nianbao.events.AgencyKey;
import org.nianbao.intake.model.Platform;
import org.nianbao.intake.repository.PlatformRepository;
import org.nianbao.web.Problem;
import org.nianbao.web.ProblemException;

/**
 * Platform credentials for {@code /api/*}: an OIDC access token when OIDC is on and the bearer is a JWT
 * (see {@link OidcPlatforms}), otherwise an API key whose SHA-256 is looked up among the platforms. The
 * platform found is put on the request for the resources.
 */
public class PlatformAuthentication {
    public static final String PLATFORM_PROPERTY = "nianbao.platform";

    @Inject
    OidcPlatforms oidc;

    @Inject
    PlatformRepository platforms;

    /** Non-blocking: runs on the event loop (where the platform is looked up) also for blocking endpoints. */
    @ServerRequestFilter(nonBlocking = true)
    public Uni<Response> authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            return Uni.createFrom().item(unauthorized("Send your platform's API key (or OIDC access token) as"
                    + " 'Authorization: Bearer <key>'."));
        }
        String token = header.substring(7).strip();
        Uni<Platform> platform = oidc.accepts(token) ? oidc.platform(token) : byKey(token);
        return platform.map(p -> {
            request.setProperty(PLATFORM_PROPERTY, p);
            return (Response) null;
        }).onFailure(ProblemException.class).recoverWithItem(e -> {
            ProblemException problem = (ProblemException) e;
            return problem.status() == 401 ? unauthorized(problem.getMessage())
                    : Problem.response(problem.status(), problem.title(), problem.getMessage());
        });
    }

    private Uni<Platform> byKey(String key) {
        String hash = AgencyKey.sha256(key);
        return platforms.byKeyHash(hash)
                .onItem().ifNull().failWith(() -> new ProblemException(401, "Unauthorized", "The API key is not valid."));
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.response(401, "Unauthorized", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
