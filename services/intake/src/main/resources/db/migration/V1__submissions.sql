-- Platforms that may submit, each with its own hashed API key and the region it may submit for.
CREATE TABLE platform (
    id            VARCHAR(64) PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    key_hash      CHAR(64)     NOT NULL UNIQUE,
    region_prefix VARCHAR(12)  NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE submission (
    id              VARCHAR(36)  PRIMARY KEY,
    platform_id     VARCHAR(64)  NOT NULL REFERENCES platform (id),
    agency          VARCHAR(300),
    agency_code     VARCHAR(18),
    region_code     VARCHAR(6),
    issuer_type     VARCHAR(32),
    report_year     INTEGER,
    published_on    DATE,
    source_url      VARCHAR(2000),
    agency_key      VARCHAR(80)  NOT NULL,
    revision        INTEGER      NOT NULL,
    idempotency_key VARCHAR(200),
    file_name       VARCHAR(500),
    content_type    VARCHAR(200),
    size_bytes      BIGINT       NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    report_id       VARCHAR(80),
    findings        TEXT,
    error_count     INTEGER,
    warning_count   INTEGER,
    failure_reason  TEXT,
    received_at     TIMESTAMPTZ  NOT NULL,
    parsed_at       TIMESTAMPTZ,
    validated_at    TIMESTAMPTZ,
    published_at    TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ
);
CREATE INDEX submission_platform_idx ON submission (platform_id, received_at DESC);
CREATE INDEX submission_document_idx ON submission (platform_id, sha256);
CREATE UNIQUE INDEX submission_idempotency_idx ON submission (platform_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- The original document, kept for replay.
CREATE TABLE submission_document (
    submission_id VARCHAR(36) PRIMARY KEY REFERENCES submission (id),
    content       BYTEA       NOT NULL
);

-- Transactional outbox: written with the submission, sent to Kafka by OutboxRelay.
CREATE TABLE outbox_event (
    id            VARCHAR(120) PRIMARY KEY,
    topic         VARCHAR(200) NOT NULL,
    event_key     VARCHAR(80)  NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    submission_id VARCHAR(36)  NOT NULL,
    payload       TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at       TIMESTAMPTZ,
    attempts      INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX outbox_pending_idx ON outbox_event (created_at) WHERE sent_at IS NULL;
