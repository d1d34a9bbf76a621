package org.nianbao.intake.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.ws.rs.WebApplicationException;
import org.nianbao.web.Door;
import org.nianbao.web.Problem;
import org.nianbao.web.ProblemAdvice;

import java.io.IOException;

/**
 * Intake's wording of failures for platforms (the shared mapper of libs/web answers the rest): JSON over its limits,
 * unreadable multipart bodies, the upload limits, and "nothing was stored" on an unexpected failure. Also intake's
 * third door: the stored documents, for the extraction service only.
 */
@ApplicationScoped
public class IntakeProblems implements ProblemAdvice {

    @Produces
    @jakarta.inject.Singleton
    Door internalDocuments() {
        return new Door("/internal/", "The internal document API", "nianbao.internal-token", "service token");
    }

    @Override
    public Problem problem(Throwable failure) {
        if (failure instanceof JsonProcessingException json) {
            return JsonLimits.problem(json).problem();
        }
        if (failure instanceof WebApplicationException web) {
            for (Throwable cause = web.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof JsonProcessingException json) {
                    return JsonLimits.problem(json).problem();
                }
            }
            return switch (web.getResponse().getStatus()) {
                case 400 -> Problem.of(400, "The request is malformed (" + web.getMessage() + "): a JSON body must be valid JSON"
                        + " in UTF-8, a multipart body complete multipart/form-data with the boundary of its Content-Type header.");
                case 413 -> Problem.of(413, "A part of the request is larger than its limit: a metadata part may have at most"
                        + " 64 KB, a document at most 20 MB.");
                case 415 -> Problem.of(415, "Send multipart/form-data with the document in a part named 'file', or"
                        + " application/json with a 'text' field; a batch as application/zip or application/x-ndjson.");
                default -> null;
            };
        }
        if (failure instanceof IOException && String.valueOf(failure.getMessage()).contains("multipart")) {
            return Problem.of(400, "Bad request", "The multipart body cannot be read (" + failure.getMessage() + "): send"
                    + " complete multipart/form-data whose parts are separated by the boundary named in the Content-Type header.");
        }
        return Problem.of(500, "Internal error", "The request could not be processed; nothing was stored. Retry later.");
    }
}
