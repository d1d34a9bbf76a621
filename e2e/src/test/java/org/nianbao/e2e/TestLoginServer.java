package org.nianbao.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID provider on localhost for the authorization code flow: discovery, its keys, an authorization endpoint that
 * signs in the person set with {@link #signInAs} at once (no login form), and a token endpoint that trades the code for
 * an ID token and an access token. Enough for quarkus-oidc to run the whole flow as with a real provider.
 */
final class TestLoginServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final TestIdentityProvider tokens;
    private final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();
    private volatile Map<String, Object> person = Map.of();

    TestLoginServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tokens = new TestIdentityProvider(url());
        server.createContext("/.well-known/openid-configuration", e -> json(e, Map.of("issuer", url(),
                "authorization_endpoint", url() + "/authorize", "token_endpoint", url() + "/token", "jwks_uri", url() + "/jwks",
                "response_types_supported", List.of("code"), "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"))));
        server.createContext("/jwks", e -> json(e, Map.of("keys", List.of(tokens.jwk()))));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    /** The provider's issuer URL (its discovery document is below it). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whom the next sign-ins are for: a name, roles ("groups") and the region ("nianbao_region"). */
    void signInAs(String name, List<String> roles, String region) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", name);
        claims.put("groups", roles);
        claims.put("nianbao_region", region);
        person = claims;
    }

    private void authorize(HttpExchange e) throws IOException {
        Map<String, String> q = form(e.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        Map<String, Object> grant = new HashMap<>(person);
        grant.put("client_id", q.get("client_id"));
        if (q.get("nonce") != null) {
            grant.put("nonce", q.get("nonce"));
        }
        codes.put(code, grant);
        String location = q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                + (q.get("state") == null ? "" : "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        e.getResponseHeaders().add("Location", location);
        e.sendResponseHeaders(302, -1);
        e.close();
    }

    private void token(HttpExchange e) throws IOException {
        Map<String, String> body = form(new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, Object> grant = codes.remove(body.getOrDefault("code", ""));
        if (grant == null) {
            e.sendResponseHeaders(400, -1);
            e.close();
            return;
        }
        Map<String, Object> claims = new HashMap<>(grant);
        String client = (String) claims.remove("client_id");
        String subject = "user-" + claims.get("preferred_username");
        Map<String, Object> access = new HashMap<>(claims);
        access.remove("nonce");
        access.put("azp", client);
        claims.put("azp", client);
        json(e, Map.of("token_type", "Bearer", "expires_in", 300,
                "access_token", tokens.signed(access, subject, TestIdentityProvider.REVIEW_AUDIENCE),
                "id_token", tokens.signed(claims, subject, client)));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void json(HttpExchange e, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        e.getResponseHeaders().add("Content-Type", "application/json");
        e.sendResponseHeaders(200, bytes.length);
        e.getResponseBody().write(bytes);
        e.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
