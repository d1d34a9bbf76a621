package org.nianbao.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An identity provider reduced to its signing key: issues RS256 access tokens that intake verifies with
 * the public key (quarkus.oidc.public-key), as it would a real provider's.
 */
final class TestIdentityProvider {
    static final String ISSUER = "https://idp.test/realms/nianbao";
    static final String AUDIENCE = "nianbao-intake";
    static final String REVIEW_AUDIENCE = "nianbao-review";

    static final String KEY_ID = "test-key";

    private final String issuer;
    private final KeyPair keys = generate();
    /** A key intake does not know: what a forged token is signed with. */
    private final KeyPair stranger = generate();

    TestIdentityProvider() {
        this(ISSUER);
    }

    /** A provider whose tokens name this issuer (a {@link TestLoginServer} names its own URL). */
    TestIdentityProvider(String issuer) {
        this.issuer = issuer;
    }

    /** The signing key as a JSON Web Key, for a JWKS endpoint. */
    Map<String, Object> jwk() {
        java.security.interfaces.RSAPublicKey key = (java.security.interfaces.RSAPublicKey) keys.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return Map.of("kty", "RSA", "kid", KEY_ID, "use", "sig", "alg", "RS256",
                "n", b64.encodeToString(unsigned(key.getModulus())), "e", b64.encodeToString(unsigned(key.getPublicExponent())));
    }

    private static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** A signed token with these claims, its issuer, subject, audience and expiry (five minutes). */
    String signed(Map<String, Object> claims, String subject, String audience) {
        return sign(claims, subject, audience, Instant.now().plus(Duration.ofMinutes(5)), keys.getPrivate());
    }

    /** The environment that turns OIDC on in intake, verifying with this provider's key. */
    Map<String, String> intakeEnvironment() {
        return Map.of("NIANBAO_OIDC_ENABLED", "true",
                "QUARKUS_OIDC_PUBLIC_KEY", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                "NIANBAO_OIDC_ISSUER", ISSUER,
                "NIANBAO_OIDC_AUDIENCE", AUDIENCE);
    }

    /** The environment that turns OIDC on in publication for reviewers' tokens, verifying with this provider's key. */
    Map<String, String> publicationEnvironment() {
        return Map.of("NIANBAO_OIDC_ENABLED", "true",
                "QUARKUS_OIDC_PUBLIC_KEY", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                "NIANBAO_OIDC_ISSUER", ISSUER,
                "NIANBAO_OIDC_AUDIENCE", REVIEW_AUDIENCE);
    }

    /** A person's access token for the review API: their name, roles ("groups") and region ("nianbao_region"). */
    String reviewerToken(String name, java.util.List<String> roles, String region) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", name);
        claims.put("groups", roles);
        if (region != null) {
            claims.put("nianbao_region", region);
        }
        return sign(claims, "user-" + name, REVIEW_AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), keys.getPrivate());
    }

    /** A valid access token of this client for five minutes. */
    String token(String clientId) {
        return token(clientId, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), keys.getPrivate());
    }

    String expiredToken(String clientId) {
        return token(clientId, AUDIENCE, Instant.now().minus(Duration.ofHours(1)), keys.getPrivate());
    }

    String forgedToken(String clientId) {
        return token(clientId, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), stranger.getPrivate());
    }

    String tokenForAnotherAudience(String clientId) {
        return token(clientId, "some-other-api", Instant.now().plus(Duration.ofMinutes(5)), keys.getPrivate());
    }

    private String token(String clientId, String audience, Instant expiry, PrivateKey key) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("azp", clientId);
        return sign(claims, "service-account-" + clientId, audience, expiry, key);
    }

    private String sign(Map<String, Object> extra, String subject, String audience, Instant expiry, PrivateKey key) {
        Map<String, Object> claims = new LinkedHashMap<>(extra);
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("iat", expiry.minus(Duration.ofMinutes(10)).getEpochSecond());
        claims.put("exp", expiry.getEpochSecond());
        try {
            String signingInput = segment(Map.of("alg", "RS256", "typ", "JWT", "kid", KEY_ID)) + "." + segment(claims);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String segment(Map<String, Object> json) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(new ObjectMapper().writeValueAsBytes(json));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
