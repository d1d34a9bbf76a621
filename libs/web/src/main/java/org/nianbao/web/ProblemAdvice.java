package org.nianbao.web;

/**
 * A service's own wording of some failures, as a CDI bean ({@code @ApplicationScoped} or {@code @Singleton}): before
 * its defaults, {@link ProblemMappers} asks every advice about a {@link jakarta.ws.rs.WebApplicationException}, a JSON
 * body that cannot be read and any unexpected failure. Intake, say, explains a 413 with its upload limits and says
 * "nothing was stored" on a 500. {@link ProblemException}s are answered as they are, without asking.
 */
@FunctionalInterface
public interface ProblemAdvice {
    /** The problem to answer for {@code failure}, or null when this advice has nothing to say about it. */
    Problem problem(Throwable failure);
}
