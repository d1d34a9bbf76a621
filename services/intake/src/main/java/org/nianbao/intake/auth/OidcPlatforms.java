package org.nianbao.intake.auth;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.nianbao.intake.model.Platform;
import org.nianbao.intake.repository.PlatformRepository;
import org.nianbao.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OIDC access tokens of platforms: a JWT bearer is verified by quarkus-oidc (signature, issuer, expiry,
 * audience when configured) and names its platform by a claim ({@code nianbao.oidc.platform-claim}),
 * matched against the platforms' {@code oidcClientId}. Off unless {@code quarkus.oidc.tenant-enabled}.
 */
@ApplicationScoped
public class OidcPlatforms {
    private static final Logger LOG = Logger.getLogger(OidcPlatforms.class);
    /** Three base64url segments, the first a JSON header: API keys never look like this. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "nianbao.oidc.platform-claim", defaultValue = "azp")
    String claim;

    @Inject
    TenantIdentityProvider identities;

    @Inject
    PlatformRepository platforms;

    /** True when OIDC is on and the bearer is a JWT (anything else is taken for an API key). */
    public boolean accepts(String token) {
        return enabled && JWT.matcher(token).matches();
    }

    /** The platform the verified token names; fails with a ProblemException (401 or 403) saying what to fix. */
    public Uni<Platform> platform(String token) {
        return identities.authenticate(new AccessTokenCredential(token))
                .onFailure().transform(e -> {
                    LOG.debugf(e, "OIDC token refused");
                    return unauthorized(token);
                })
                .flatMap(identity -> {
                    String client = clientOf(identity);
                    if (client == null) {
                        return Uni.createFrom().failure(new ProblemException(403, "Forbidden",
                                "The access token has no '" + claim + "' claim, which names the platform; ask your identity"
                                        + " provider for a token of the client registered with Nianbao."));
                    }
                    return platforms.byOidcClient(client)
                            .onItem().ifNull().failWith(() -> new ProblemException(403, "Forbidden",
                                    "The OIDC client '" + client + "' (claim '" + claim + "') is not a registered platform:"
                                            + " ask a Nianbao administrator to set it as your platform's oidcClientId."));
                });
    }

    private String clientOf(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object value = jwt.getClaim(claim);
        String text = value instanceof JsonString s ? s.getString() : value == null ? null : value.toString();
        return text == null || text.isBlank() ? null : text;
    }

    /** Why the token was refused, as precisely as the (unverified) token itself tells. */
    private static ProblemException unauthorized(String token) {
        Optional<Instant> expiry = expiry(token);
        String detail = expiry.isPresent() && expiry.get().isBefore(Instant.now())
                ? "The access token expired at " + expiry.get() + "; get a new one from your identity provider and retry."
                : "The access token was not accepted: its signature, issuer or audience does not match the identity"
                        + " provider configured for Nianbao, or it is not yet valid. Request a token for this API from that provider.";
        return new ProblemException(401, "Unauthorized", detail);
    }

    private static Optional<Instant> expiry(String token) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            Long exp = new JsonObject(payload).getLong("exp");
            return Optional.ofNullable(exp).map(Instant::ofEpochSecond);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
