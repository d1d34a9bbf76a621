package org.nianbao.intake.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to application/problem+json. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problem.response(e.status(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response json(com.fasterxml.jackson.core.JsonProcessingException e) {
        return problem(JsonLimits.problem(e));
    }

    /** A multipart body that ends early or does not match its boundary. */
    @ServerExceptionMapper
    public Response unreadable(java.io.IOException e) {
        if (String.valueOf(e.getMessage()).contains("multipart")) {
            return Problem.response(400, "Bad request", "The multipart body cannot be read (" + e.getMessage() + "): send complete"
                    + " multipart/form-data whose parts are separated by the boundary named in the Content-Type header.");
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
                return problem(JsonLimits.problem(json));
            }
        }
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 400 -> "The request is malformed (" + e.getMessage() + "): a JSON body must be valid JSON in UTF-8, a multipart"
                    + " body complete multipart/form-data with the boundary of its Content-Type header.";
            case 413 -> "A part of the request is larger than its limit: a metadata part may have at most 64 KB, a document at most 20 MB.";
            case 415 -> "Send multipart/form-data with the document in a part named 'file', or application/json with a 'text' field;"
                    + " a batch as application/zip or application/x-ndjson.";
            default -> e.getMessage();
        };
        return Problem.response(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), detail);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (org.nianbao.messaging.Transience.isTransient(e)) {
            // The database (or broker) away or too slow: worth retrying, not an error of the request.
            LOG.warnf("request failed (transient): %s", e.getMessage());
            return Response.fromResponse(Problem.response(503, "Service unavailable", "A service this request needs is"
                    + " unavailable for a moment (" + e.getMessage() + "). Retry in a few seconds.")).header("Retry-After", 10).build();
        }
        LOG.error("request failed", e);
        return Problem.response(500, "Internal error", "The request could not be processed; nothing was stored. Retry later.");
    }
}
