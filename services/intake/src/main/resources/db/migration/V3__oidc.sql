-- A platform may authenticate with an OIDC access token instead of its API key: the token's client claim
-- (nianbao.oidc.platform-claim, e.g. azp) must equal the platform's oidc_client_id.
ALTER TABLE platform ADD COLUMN oidc_client_id VARCHAR(255) UNIQUE;
