-- Reviewers: people of a provincial office who confirm or dismiss findings and approve held reports, within the
-- region their code prefix covers ('' for every region). Only the SHA-256 of a reviewer's token is stored.
CREATE TABLE reviewer (
    name          VARCHAR(100) PRIMARY KEY,
    token_hash    CHAR(64)     NOT NULL UNIQUE,
    role          VARCHAR(16)  NOT NULL,
    region_prefix VARCHAR(12)  NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ  NOT NULL
);

-- Validated versions held for review (their platform reviews first): the report-validated event as received, kept
-- until the version is published. approved_round: the round a reviewer approved (the event is sent again to be
-- published); a newer round of the same submission waits for a new approval.
CREATE TABLE review_hold (
    submission_id    VARCHAR(36)  PRIMARY KEY,
    report_id        VARCHAR(80)  NOT NULL,
    agency_key       VARCHAR(80)  NOT NULL,
    agency           VARCHAR(300),
    region_code      VARCHAR(6),
    report_year      INTEGER,
    revision         INTEGER      NOT NULL,
    validation_round INTEGER      NOT NULL,
    error_count      INTEGER      NOT NULL,
    warning_count    INTEGER      NOT NULL,
    event            TEXT         NOT NULL,
    held_at          TIMESTAMPTZ  NOT NULL,
    approved_round   INTEGER,
    approved_by      VARCHAR(200),
    approved_at      TIMESTAMPTZ
);
CREATE INDEX review_hold_region_idx ON review_hold (region_code text_pattern_ops, held_at);
CREATE INDEX review_hold_report_idx ON review_hold (report_id);

-- A reviewer's decision on a finding of a report (its identity: the rule and the cells, sorted, comma-separated),
-- carried across the report's rounds and revisions; cell_values are what the finding showed when decided (a dismissed
-- finding is raised again only when they change).
CREATE TABLE finding_decision (
    report_id    VARCHAR(80)  NOT NULL,
    rule         VARCHAR(16)  NOT NULL,
    paths        TEXT         NOT NULL,
    decision     VARCHAR(12)  NOT NULL,
    reason       TEXT,
    cell_values  TEXT         NOT NULL,
    reviewer     VARCHAR(200) NOT NULL,
    decided_at   TIMESTAMPTZ  NOT NULL,
    agency_key   VARCHAR(80)  NOT NULL,
    agency       VARCHAR(300),
    region_code  VARCHAR(6),
    report_year  INTEGER,
    PRIMARY KEY (report_id, rule, paths)
);
CREATE INDEX finding_decision_region_idx ON finding_decision (region_code text_pattern_ops, report_year, decision);
