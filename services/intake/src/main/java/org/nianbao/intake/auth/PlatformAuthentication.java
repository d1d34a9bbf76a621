package org.nianbao.intake.auth;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.nianbao.events.AgencyKey;
import org.nianbao.intake.model.Platform;
import org.nianbao.intake.rest.Problem;

/**
 * Bearer API keys for {@code /api/*}: the key's SHA-256 is looked up among the platforms; the platform
 * found is put on the request for the resources.
 */
public class PlatformAuthentication {
    public static final String PLATFORM_PROPERTY = "nianbao.platform";

    @ServerRequestFilter
    public Uni<Response> authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            return Uni.createFrom().item(unauthorized("Send your platform's API key as 'Authorization: Bearer <key>'."));
        }
        String hash = AgencyKey.sha256(header.substring(7).strip());
        return Panache.withSession(() -> Platform.<Platform>find("keyHash", hash).firstResult())
                .map(platform -> {
                    if (platform == null) {
                        return unauthorized("The API key is not valid.");
                    }
                    request.setProperty(PLATFORM_PROPERTY, platform);
                    return null;
                });
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.response(401, "Unauthorized", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
