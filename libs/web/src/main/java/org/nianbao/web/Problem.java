package org.nianbao.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document, the body of every error answer of every service: {@code type} is always
 * {@code about:blank}, so {@code title} is the status's reason phrase (or a service's own short title) and
 * {@code detail} says what happened and what to send instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem titled with the status's reason phrase ("Not Found", "Bad Request"). */
    public static Problem of(int status, String detail) {
        return new Problem("about:blank", reasonPhrase(status), status, detail);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }

    /** The answer carrying this problem, as application/problem+json with its status. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** The answer of a problem with this status, title and detail. */
    public static Response response(int status, String title, String detail) {
        return of(status, title, detail).toResponse();
    }

    /** The status's reason phrase, or "Error" for a status JAX-RS does not name. */
    public static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
