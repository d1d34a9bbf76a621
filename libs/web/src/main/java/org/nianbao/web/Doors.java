package org.nianbao.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one admin filter of every service: each {@link Door} ({@link Door#ADMIN} and those the service produces) lets
 * a request through only with its token. Runs before routing and on the event loop (it reads headers only): a wrong
 * or missing token is 401 problem+json with {@code WWW-Authenticate: Bearer}, a door without a configured token 404
 * saying which setting enables it. Tokens are compared in constant time (as SHA-256 digests, so neither content nor
 * length leaks through timing).
 */
public class Doors {
    @Inject
    @Any
    Instance<Door> declared;

    private final List<Guard> guards = new ArrayList<>();

    /** A door and the digest of its configured token (empty when none is configured). */
    record Guard(Door door, Optional<byte[]> token) {
    }

    @PostConstruct
    void init() {
        List<Door> doors = new ArrayList<>(Door.ADMIN);
        declared.forEach(doors::add);
        for (Door door : doors) {
            Optional<byte[]> token = ConfigProvider.getConfig().getOptionalValue(door.tokenProperty(), String.class)
                    .map(String::strip).filter(t -> !t.isEmpty()).map(Doors::digest);
            guards.add(new Guard(door, token));
        }
    }

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        for (Guard guard : guards) {
            if (guard.door().guards(path)) {
                return check(guard, request.getHeaderString(HttpHeaders.AUTHORIZATION));
            }
        }
        return null;
    }

    /** Null to let the request through, else the answer refusing it. */
    static Response check(Guard guard, String authorization) {
        Door door = guard.door();
        if (guard.token().isEmpty()) {
            return Problem.of(404, door.api() + " is disabled: set " + door.setting() + ".").toResponse();
        }
        String given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : "";
        if (!MessageDigest.isEqual(digest(given), guard.token().get())) {
            return Response.fromResponse(Problem.of(401, door.api() + " needs 'Authorization: Bearer <" + door.credential() + ">'.")
                    .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        return null;
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
