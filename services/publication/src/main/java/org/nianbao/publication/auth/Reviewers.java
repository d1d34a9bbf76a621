package org.nianbao.publication.auth;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.nianbao.events.AgencyKey;
import org.nianbao.publication.repository.ReviewRepository;
import org.nianbao.publication.review.Reviewer;
import org.nianbao.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a reviewer's credential names:
 * <ul>
 * <li>the local stack's reviewer token ({@code nianbao.reviewer-token}): "local-reviewer", an admin of every region;</li>
 * <li>a token issued by an administrator ({@code POST /admin/v1/reviewers}), looked up by its SHA-256;</li>
 * <li>with OIDC on, a JWT access token verified by quarkus-oidc: its roles ({@code reviewer}, {@code admin}) as the
 * provider maps them (e.g. the {@code groups} claim), its region from {@code nianbao.oidc.region-claim}, its name from
 * {@code preferred_username} (else {@code sub}).</li>
 * </ul>
 * Platforms' API keys are none of these: they cannot review.
 */
@ApplicationScoped
public class Reviewers {
    private static final Logger LOG = Logger.getLogger(Reviewers.class);
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Reviewer LOCAL = new Reviewer("local-reviewer", Reviewer.Role.ADMIN, "");

    @ConfigProperty(name = "nianbao.reviewer-token")
    Optional<String> localToken;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
    boolean oidc;

    @ConfigProperty(name = "nianbao.oidc.region-claim", defaultValue = "nianbao_region")
    String regionClaim;

    @Inject
    TenantIdentityProvider identities;

    @Inject
    ReviewRepository repository;

    /** The reviewer a bearer token names; fails with a ProblemException (401, or 403 for an identity without the role). */
    public Uni<Reviewer> of(String token) {
        if (localToken.isPresent() && !localToken.get().isBlank() && MessageDigest.isEqual(
                digest(token), digest(localToken.get().strip()))) {
            return Uni.createFrom().item(LOCAL);
        }
        if (oidc && JWT.matcher(token).matches()) {
            return identities.authenticate(new AccessTokenCredential(token))
                    .onFailure().transform(e -> {
                        LOG.debugf(e, "OIDC token refused");
                        return new ProblemException(401, "Unauthorized", "The access token was not accepted (signature, issuer,"
                                + " audience or expiry): sign in again with your identity provider.");
                    })
                    .map(this::fromIdentity);
        }
        return repository.reviewerByTokenHash(AgencyKey.sha256(token)).map(r -> {
            if (r == null) {
                throw new ProblemException(401, "Unauthorized", "This is not a reviewer's token: reviewers sign in with the"
                        + " token an administrator issued them (platforms' API keys cannot review).");
            }
            return new Reviewer(r.name, Reviewer.Role.valueOf(r.role.toUpperCase(Locale.ROOT)), r.regionPrefix);
        });
    }

    private Reviewer fromIdentity(SecurityIdentity identity) {
        Reviewer.Role role = identity.hasRole("admin") ? Reviewer.Role.ADMIN : identity.hasRole("reviewer") ? Reviewer.Role.REVIEWER : null;
        if (role == null) {
            throw new ProblemException(403, "Forbidden", "Your identity (" + identity.getPrincipal().getName()
                    + ") has neither the role 'reviewer' nor 'admin': ask your identity provider's administrator for one.");
        }
        String name = claim(identity, "preferred_username").orElse(identity.getPrincipal().getName());
        String region = claim(identity, regionClaim).orElse("");
        if (role == Reviewer.Role.REVIEWER && region.isEmpty()) {
            throw new ProblemException(403, "Forbidden", "Your access token has no '" + regionClaim + "' claim naming the region"
                    + " you review: ask your identity provider's administrator to add it.");
        }
        return new Reviewer(name, role, region);
    }

    private static Optional<String> claim(SecurityIdentity identity, String name) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(name);
        String text = value instanceof JsonString s ? s.getString() : value == null ? null : value.toString();
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static byte[] digest(String token) {
        return AgencyKey.sha256(token).getBytes(StandardCharsets.US_ASCII);
    }
}
