package org.nianbao.publication.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** {@code /admin/*} needs the administrator token ({@code nianbao.admin-token}); without one it does not exist. */
public class AdminAuthentication {
    @ConfigProperty(name = "nianbao.admin-token")
    Optional<String> adminToken;

    @ServerRequestFilter(preMatching = true)
    public void authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/admin/")) {
            return;
        }
        if (adminToken.isEmpty() || adminToken.get().isBlank()) {
            throw new NotFoundException("The admin API is disabled: set nianbao.admin-token (NIANBAO_ADMIN_TOKEN).");
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), adminToken.get().strip().getBytes(StandardCharsets.UTF_8))) {
            throw new NotAuthorizedException("The admin API needs 'Authorization: Bearer <admin token>'.", "Bearer");
        }
    }
}
