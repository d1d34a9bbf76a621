-- The findings of the current version of each report, one row per finding, so reports can be queried by rule.
CREATE TABLE report_finding (
    id          BIGSERIAL    PRIMARY KEY,
    report_id   VARCHAR(80)  NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    rule        VARCHAR(16)  NOT NULL,
    severity    VARCHAR(8)   NOT NULL,
    paths       TEXT         NOT NULL,  -- the model paths of the cells involved, comma-separated
    message_zh  TEXT         NOT NULL,
    message_en  TEXT         NOT NULL
);
CREATE INDEX report_finding_rule_idx ON report_finding (rule, severity, report_id);
CREATE INDEX report_finding_report_idx ON report_finding (report_id);
