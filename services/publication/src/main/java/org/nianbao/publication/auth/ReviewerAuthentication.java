package org.nianbao.publication.auth;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.nianbao.publication.review.Reviewer;
import org.nianbao.web.Problem;
import org.nianbao.web.ProblemException;

import java.net.URI;

/**
 * Reviewers' credentials for {@code /review/*}: a bearer token (the API), or the token the sign-in page put in the
 * {@value #COOKIE} cookie (the pages). The reviewer found is put on the request for the resources. Without a valid
 * credential the API answers 401 and a page sends the browser to the sign-in page.
 */
public class ReviewerAuthentication {
    public static final String REVIEWER_PROPERTY = "nianbao.reviewer";
    public static final String COOKIE = "nianbao_reviewer";
    public static final String SIGN_IN = "/review/signin";

    @Inject
    Reviewers reviewers;

    @ServerRequestFilter(nonBlocking = true)
    public Uni<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/review/") && !path.equals("/review") || path.startsWith(SIGN_IN)) {
            return Uni.createFrom().nullItem();
        }
        boolean api = path.startsWith("/review/v1/");
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie cookie = request.getCookies().get(COOKIE);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : cookie != null ? cookie.getValue() : null;
        if (token == null || token.isBlank()) {
            return Uni.createFrom().item(refuse(api, path, new ProblemException(401, "Unauthorized",
                    "Send your reviewer token as 'Authorization: Bearer <token>' (or sign in at " + SIGN_IN + ").")));
        }
        return reviewers.of(token).map(reviewer -> {
            request.setProperty(REVIEWER_PROPERTY, reviewer);
            return (Response) null;
        }).onFailure(ProblemException.class).recoverWithItem(e -> refuse(api, path, (ProblemException) e));
    }

    /** The reviewer a request was authenticated as (set by this filter). */
    public static Reviewer of(ContainerRequestContext request) {
        Reviewer reviewer = (Reviewer) request.getProperty(REVIEWER_PROPERTY);
        if (reviewer == null) { // a spelling of the path the filter did not take for a review path: refuse, never guess
            throw new ProblemException(401, "Unauthorized", "Send your reviewer token as 'Authorization: Bearer <token>'.");
        }
        return reviewer;
    }

    private static Response refuse(boolean api, String path, ProblemException problem) {
        if (!api && problem.status() == 401) {
            return Response.seeOther(URI.create(SIGN_IN + "?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8)))
                    .build();
        }
        Response response = Problem.response(problem.status(), problem.title(), problem.getMessage());
        return problem.status() == 401
                ? Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build() : response;
    }
}
