package org.nianbao.web;

/** A request the caller must fix; answered as application/problem+json with its status, title and detail. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    /** A problem titled with the status's reason phrase. */
    public ProblemException(int status, String detail) {
        this(status, Problem.reasonPhrase(status), detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Problem problem() {
        return Problem.of(status, title, getMessage());
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }
}
