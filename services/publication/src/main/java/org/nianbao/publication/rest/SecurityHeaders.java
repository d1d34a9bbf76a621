package org.nianbao.publication.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer of the public site carries a Content-Security-Policy allowing nothing but the page's own inline
 * styles, inline SVG and same-origin links and forms (no script at all, no framing), and X-Content-Type-Options.
 */
public class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
    }
}
