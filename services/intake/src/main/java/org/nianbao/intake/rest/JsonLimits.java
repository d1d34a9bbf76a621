package org.nianbao.intake.rest;

import org.nianbao.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * The limits every JSON body (and NDJSON line) is read under, so a hostile document is refused while it is
 * parsed: nesting depth, length of a number, length of a string (the 20 MB document in a 'text' field).
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {
    public static final int MAX_DEPTH = 32;
    public static final int MAX_NUMBER_LENGTH = 20;
    public static final int MAX_STRING_LENGTH = 28 * 1024 * 1024;
    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(CONSTRAINTS);
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(CONSTRAINTS);
    }

    /** One JSON value from UTF-8 bytes (invalid UTF-8 is refused), or a 400/413 ProblemException saying what is wrong. */
    public static JsonNode read(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw problem(e);
        } catch (IOException e) {
            throw ProblemException.badRequest("The JSON cannot be read: " + e.getMessage());
        }
    }

    /** The problem of JSON that could not be parsed: which limit it broke, or where it is malformed. */
    public static ProblemException problem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            if (message.contains("nesting depth")) {
                return ProblemException.badRequest("The JSON is nested more than " + MAX_DEPTH + " levels deep.");
            }
            if (message.contains("Number value length")) {
                return ProblemException.badRequest("A number in the JSON has more than " + MAX_NUMBER_LENGTH + " digits.");
            }
            if (message.contains("String value length")) {
                return new ProblemException(413, "Content too large", "A string in the JSON has more than " + MAX_STRING_LENGTH
                        + " characters; a document may have at most 20 MB.");
            }
            return ProblemException.badRequest("The JSON exceeds a limit: " + message);
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return ProblemException.badRequest("The body is not valid JSON in UTF-8" + where + ": " + message.lines().findFirst().orElse("") + ".");
    }
}
