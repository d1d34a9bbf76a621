-- Every parsed report validation has seen, kept to apply the cross-year rules (family F) and to
-- re-validate a later year when its previous year arrives late.
CREATE TABLE validated_report (
    submission_id    VARCHAR(36)  PRIMARY KEY,
    agency_key       VARCHAR(80)  NOT NULL,
    report_year      INTEGER,
    revision         INTEGER      NOT NULL,
    metadata         TEXT         NOT NULL,
    report           TEXT         NOT NULL,
    findings         TEXT,
    validation_round INTEGER      NOT NULL DEFAULT 1,
    received_at      TIMESTAMPTZ  NOT NULL,
    validated_at     TIMESTAMPTZ
);
CREATE INDEX validated_report_agency_year_idx ON validated_report (agency_key, report_year, revision DESC);
