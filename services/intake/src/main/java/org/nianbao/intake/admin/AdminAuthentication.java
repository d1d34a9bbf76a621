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
 * {@code /admin/*} needs the administrator token ({@code nianbao.admin-token}); platform keys never open it.
 * Without a configured token the admin API does not exist.
 */
public class AdminAuthentication {

    @ConfigProperty(name = "nianbao.admin-token")
    Optional<String> adminToken;

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/admin/")) {
            return null;
        }
        if (adminToken.isEmpty() || adminToken.get().isBlank()) {
            return Problem.response(404, "Not found", "The admin API is disabled: set nianbao.admin-token (NIANBAO_ADMIN_TOKEN).");
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), adminToken.get().strip().getBytes(StandardCharsets.UTF_8))) {
            return Problem.response(401, "Unauthorized", "The admin API needs 'Authorization: Bearer <admin token>'.");
        }
        return null;
    }
}
