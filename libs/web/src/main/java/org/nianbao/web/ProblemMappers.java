package org.nianbao.web;

import org.nianbao.messaging.Transience;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/**
 * The one exception mapper of every service: every failure is answered as RFC 9457 application/problem+json.
 * <ul>
 * <li>{@link ProblemException}: its status, title and detail;</li>
 * <li>{@link WebApplicationException} (404, 400, 413…): its status, the reason phrase as title, its message as
 * detail, its headers kept ({@code WWW-Authenticate}, {@code Allow});</li>
 * <li>a JSON body that cannot be read: 400 saying where it went wrong;</li>
 * <li>a failure that may pass ({@link Transience}: the database or the broker away): 503 with {@code Retry-After};</li>
 * <li>anything else: 500, logged, with a detail that tells nothing of the service's insides.</li>
 * </ul>
 * A service words some of these its own way with a {@link ProblemAdvice} bean.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** What a 503 asks the caller to wait before retrying. */
    static final int RETRY_AFTER_SECONDS = 10;
    static final String INTERNAL_ERROR = "The request could not be processed because of an error in the service; it is logged."
            + " Retry later.";

    @Inject
    Instance<ProblemAdvice> advice;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Problem advised = advised(e);
        if (advised != null) {
            return advised.toResponse();
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json(json);
            }
        }
        Response original = e.getResponse();
        Response.ResponseBuilder answer = Response.fromResponse(Problem.of(original.getStatus(), e.getMessage()).toResponse());
        for (Map.Entry<String, List<Object>> header : original.getHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                header.getValue().forEach(v -> answer.header(header.getKey(), v));
            }
        }
        return answer.build();
    }

    /** A JSON body that is not JSON, or not of the expected shape. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        Problem advised = advised(e);
        if (advised != null) {
            return advised.toResponse();
        }
        var location = e.getLocation();
        return Problem.of(400, "The JSON body cannot be read: " + e.getOriginalMessage()
                + (location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
                + ". Send valid JSON in UTF-8 of the documented shape.").toResponse();
    }

    /** Overrides Quarkus' own mapper of this one (which answers in its own shape). */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (Transience.isTransient(e)) {
            // The database or the broker away or too slow for a moment: worth retrying, not an error of the request.
            LOG.warnf("request failed (transient): %s", e.getMessage());
            return Response.fromResponse(Problem.of(503, "A service this request needs is unavailable for a moment ("
                    + e.getMessage() + "). Retry in a few seconds.").toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        Problem advised = advised(e);
        if (advised != null) {
            if (advised.status() >= 500) {
                LOG.error("request failed", e);
            }
            return advised.toResponse();
        }
        LOG.error("request failed", e);
        return Problem.of(500, "Internal Server Error", INTERNAL_ERROR).toResponse();
    }

    /** The service's advice beans (none outside a container). */
    Iterable<ProblemAdvice> advices() {
        return advice == null ? java.util.List.of() : advice;
    }

    private Problem advised(Throwable e) {
        for (ProblemAdvice a : advices()) {
            Problem p = a.problem(e);
            if (p != null) {
                return p;
            }
        }
        return null;
    }
}
