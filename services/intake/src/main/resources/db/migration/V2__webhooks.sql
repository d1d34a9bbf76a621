-- A platform may ask to be called when its submissions reach PUBLISHED or FAILED.
ALTER TABLE platform ADD COLUMN webhook_url VARCHAR(2000);

-- Webhook calls, written with the status change and delivered with retries and backoff.
CREATE TABLE webhook_delivery (
    id              VARCHAR(80)  PRIMARY KEY,
    platform_id     VARCHAR(64)  NOT NULL REFERENCES platform (id),
    submission_id   VARCHAR(36)  NOT NULL REFERENCES submission (id),
    url             VARCHAR(2000) NOT NULL,
    payload         TEXT         NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    delivered_at    TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX webhook_pending_idx ON webhook_delivery (next_attempt_at) WHERE delivered_at IS NULL;
