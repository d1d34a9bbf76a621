package org.nianbao.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMappersTest {
    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aProblemExceptionIsAnsweredAsItIs() {
        Response r = mappers.problem(new ProblemException(422, "Unreadable document", "The PDF is encrypted."));
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(r.getEntity()).isEqualTo(new Problem("about:blank", "Unreadable document", 422, "The PDF is encrypted."));
        assertThat(((Problem) mappers.problem(ProblemException.badRequest("x")).getEntity()).title()).isEqualTo("Bad request");
    }

    @Test
    void aWebApplicationExceptionKeepsItsStatusMessageAndHeaders() {
        Response notFound = mappers.webApplication(new NotFoundException("No report r-1 is published."));
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(notFound.getEntity()).isEqualTo(new Problem("about:blank", "Not Found", 404, "No report r-1 is published."));
        Response tooLarge = mappers.webApplication(new WebApplicationException("The query selects 10001 reports.", 413));
        assertThat(((Problem) tooLarge.getEntity()).title()).isEqualTo("Request Entity Too Large");
        Response unauthorized = mappers.webApplication(new NotAuthorizedException("Send a token.", "Bearer"));
        assertThat(unauthorized.getStatus()).isEqualTo(401);
        assertThat(unauthorized.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(unauthorized.getMediaType().toString()).isEqualTo("application/problem+json");
        Response notAllowed = mappers.webApplication(new NotAllowedException(Response.status(405).header("Allow", "GET, HEAD").build()));
        assertThat(notAllowed.getHeaderString("Allow")).contains("GET");
    }

    @Test
    void unreadableJsonIsA400SayingWhere() throws Exception {
        Exception json = null;
        try {
            new ObjectMapper().readTree("{\"a\": ");
        } catch (Exception e) {
            json = e;
        }
        Response direct = mappers.json((com.fasterxml.jackson.core.JsonProcessingException) json);
        assertThat(direct.getStatus()).isEqualTo(400);
        assertThat(((Problem) direct.getEntity()).detail()).startsWith("The JSON body cannot be read: ").contains("line 1");
        Response wrapped = mappers.webApplication(new BadRequestException(json));
        assertThat(((Problem) wrapped.getEntity()).detail()).startsWith("The JSON body cannot be read: ");
    }

    @Test
    void anUnexpectedFailureIsA500ThatTellsNothingOfTheInsides() {
        Response r = mappers.unexpected(new IllegalStateException("password=hunter2 at db.internal:5432"));
        assertThat(r.getStatus()).isEqualTo(500);
        Problem p = (Problem) r.getEntity();
        assertThat(p.title()).isEqualTo("Internal Server Error");
        assertThat(p.detail()).isEqualTo(ProblemMappers.INTERNAL_ERROR).doesNotContain("hunter2");
    }

    @Test
    void aServicesAdviceWordsFailuresItsOwnWay() {
        ProblemMappers advised = new ProblemMappers() {
            @Override
            Iterable<ProblemAdvice> advices() {
                return List.of(e -> null, e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 413
                        ? Problem.of(413, "A document may have at most 20 MB.") : null,
                        e -> e instanceof IllegalStateException ? Problem.of(500, "Internal error", "Nothing was stored. Retry later.") : null);
            }
        };
        assertThat(((Problem) advised.webApplication(new WebApplicationException(413)).getEntity()).detail())
                .isEqualTo("A document may have at most 20 MB.");
        assertThat(((Problem) advised.webApplication(new NotFoundException("gone")).getEntity()).detail()).isEqualTo("gone");
        assertThat(((Problem) advised.unexpected(new IllegalStateException("boom")).getEntity()).detail())
                .isEqualTo("Nothing was stored. Retry later.");
    }
}
