package org.nianbao.intake.rest;

import org.nianbao.web.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.nianbao.model.Json;

import java.util.Map;

/**
 * The request limits of the README's "Limits" table that hold before a request reaches a resource: URI length,
 * size of the headers, and the declared body size (a batch or one submission). A request over one is answered
 * with a problem saying which limit, before its body is read. Runs ahead of the server's own upload limit.
 */
@ApplicationScoped
public class HttpLimits {
    public static final int MAX_URI = 4096;
    public static final int MAX_HEADERS = 16 * 1024;
    public static final long MAX_SUBMISSION_BODY = 30L * 1024 * 1024;
    public static final long MAX_BATCH_BODY = 100L * 1024 * 1024;
    private static final int ORDER = -100;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URI) {
            refuse(context, 414, "URI too long", "The request URI has " + request.uri().length() + " characters; at most "
                    + MAX_URI + " are accepted.");
            return;
        }
        int headers = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headers += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headers > MAX_HEADERS) {
            refuse(context, 431, "Request headers too large", "The request headers have " + headers + " bytes; at most "
                    + MAX_HEADERS + " are accepted.");
            return;
        }
        String declared = request.getHeader("Content-Length");
        if (declared != null) {
            boolean batch = request.path().endsWith("/batch");
            long limit = batch ? MAX_BATCH_BODY : MAX_SUBMISSION_BODY;
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                refuse(context, 400, "Bad request", "Content-Length must be a number of bytes.");
                return;
            }
            if (length > limit) {
                refuse(context, 413, "Content too large", "The body has " + length + " bytes; at most " + limit / (1024 * 1024)
                        + " MB are accepted " + (batch ? "in a batch: split it into several batches."
                        : "in one submission (a document of up to 20 MB and its metadata)."));
                return;
            }
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        try {
            // the body (if any) is not read: the connection is closed once the answer is sent
            context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                    .end(Json.mapper().writeValueAsString(new Problem("about:blank", title, status, detail)))
                    .onComplete(sent -> context.request().connection().close());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
