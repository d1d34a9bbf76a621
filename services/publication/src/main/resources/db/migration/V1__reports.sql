-- The current version of each published report (one per agency and year, or per submission when the
-- agency or year is unknown).
CREATE TABLE report (
    id               VARCHAR(80)  PRIMARY KEY,
    agency_key       VARCHAR(80)  NOT NULL,
    agency           VARCHAR(300),
    agency_code      VARCHAR(18),
    region_code      VARCHAR(6),
    issuer_type      VARCHAR(32),
    report_year      INTEGER,
    format           VARCHAR(16)  NOT NULL,
    title            VARCHAR(500),
    published_on     DATE,
    source_url       VARCHAR(2000),
    submission_id    VARCHAR(36)  NOT NULL,
    revision         INTEGER      NOT NULL,
    validation_round INTEGER      NOT NULL,
    model            TEXT         NOT NULL,
    findings         TEXT         NOT NULL,
    error_count      INTEGER      NOT NULL,
    warning_count    INTEGER      NOT NULL,
    info_count       INTEGER      NOT NULL,
    problem_count    INTEGER      NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX report_region_year_idx ON report (region_code text_pattern_ops, report_year);
CREATE INDEX report_year_idx ON report (report_year, agency);
CREATE INDEX report_agency_idx ON report (agency_key, report_year);

-- Every version ever published: each revision of the document and each validation round.
CREATE TABLE report_revision (
    submission_id    VARCHAR(36)  NOT NULL,
    validation_round INTEGER      NOT NULL,
    report_id        VARCHAR(80)  NOT NULL REFERENCES report (id),
    revision         INTEGER      NOT NULL,
    model            TEXT         NOT NULL,
    findings         TEXT         NOT NULL,
    error_count      INTEGER      NOT NULL,
    warning_count    INTEGER      NOT NULL,
    stored_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (submission_id, validation_round)
);
CREATE INDEX report_revision_report_idx ON report_revision (report_id, stored_at);
