package org.nianbao.intake.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.nianbao.intake.rest.Problem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The doors platforms never open: {@code /admin/*} and {@code /ops/*} need the administrator token
 * ({@code nianbao.admin-token}), {@code /internal/*} (the stored documents, for the extraction service) the
 * service token ({@code nianbao.internal-token}). Without its token configured, an API does not exist.
 */
public class AdminAuthentication {

    @ConfigProperty(name = "nianbao.admin-token")
    Optional<String> adminToken;

    @ConfigProperty(name = "nianbao.internal-token")
    Optional<String> internalToken;

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/admin/") || path.startsWith("/ops/")) {
            return check(request, adminToken, "The " + (path.startsWith("/ops/") ? "operations" : "admin")
                    + " API", "nianbao.admin-token (NIANBAO_ADMIN_TOKEN)", "admin token");
        }
        if (path.startsWith("/internal/")) {
            return check(request, internalToken, "The internal document API", "nianbao.internal-token (NIANBAO_INTERNAL_TOKEN)",
                    "service token");
        }
        return null;
    }

    private static Response check(ContainerRequestContext request, Optional<String> token, String api, String setting, String what) {
        if (token.isEmpty() || token.get().isBlank()) {
            return Problem.response(404, "Not found", api + " is disabled: set " + setting + ".");
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.get().strip().getBytes(StandardCharsets.UTF_8))) {
            return Response.fromResponse(Problem.response(401, "Unauthorized", api + " needs 'Authorization: Bearer <" + what + ">'."))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        return null;
    }
}
