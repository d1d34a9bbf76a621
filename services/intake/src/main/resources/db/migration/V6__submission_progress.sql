-- What a submission shows comes from the newest facts only: the validation round its findings come from, the round
-- its published report comes from, and the stage a failure blocked (a dead letter of a stage the submission has
-- since passed changes nothing).
ALTER TABLE submission ADD COLUMN validation_round INTEGER NOT NULL DEFAULT 0;
ALTER TABLE submission ADD COLUMN published_round INTEGER NOT NULL DEFAULT 0;
ALTER TABLE submission ADD COLUMN failed_stage VARCHAR(16);

-- Every event and dead letter received about a submission, applied or not, once per fact (redeliveries are not
-- recorded twice): a dead letter of a submission that went on to publish is history, not status.
CREATE TABLE submission_event (
    event_id         VARCHAR(300) PRIMARY KEY,
    seq              BIGSERIAL    NOT NULL,
    submission_id    VARCHAR(36)  NOT NULL,
    type             VARCHAR(100) NOT NULL,
    stage            VARCHAR(16)  NOT NULL,
    validation_round INTEGER,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    applied          BOOLEAN      NOT NULL,
    detail           TEXT
);
CREATE INDEX submission_event_submission_idx ON submission_event (submission_id, seq);

-- The outbox relay claims rows for a while (a lease) in a short transaction and sends them to Kafka outside any
-- transaction: no row lock is held while the broker answers.
ALTER TABLE outbox_event ADD COLUMN claimed_until TIMESTAMPTZ;
