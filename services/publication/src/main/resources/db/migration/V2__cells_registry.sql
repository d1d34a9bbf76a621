-- Every table cell of the current version of each report, in a queryable form: one row per cell, with
-- the report's year, region and format copied in so roll-ups and exports need no join.
CREATE TABLE report_cell (
    report_id    VARCHAR(80)  NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    path         VARCHAR(120) NOT NULL,
    value        NUMERIC,
    report_year  INTEGER,
    region_code  VARCHAR(6),
    active_table VARCHAR(4)   NOT NULL, -- '2019' or '2021': which part 二 columns the report uses
    ordinal      INTEGER      NOT NULL, -- the cell's place in the official tables
    PRIMARY KEY (report_id, path)
);
-- roll-ups: a year and a region prefix, summed per cell (index-only scan)
CREATE INDEX report_cell_rollup_idx ON report_cell (report_year, region_code text_pattern_ops, path) INCLUDE (value, active_table);

-- list filters beyond region/year/agency
CREATE INDEX report_format_idx ON report (format, report_year);
CREATE INDEX report_errors_idx ON report (report_year, error_count) WHERE error_count > 0;
CREATE INDEX report_code_idx ON report (agency_code, report_year);

-- The registry of agencies that must report (loaded from CSV), for completeness and lateness.
CREATE TABLE registered_agency (
    id           VARCHAR(80)  PRIMARY KEY,   -- the agency key: code:<统一社会信用代码> or name:<digest>
    name         VARCHAR(300) NOT NULL,
    agency_code  VARCHAR(18),
    region_code  VARCHAR(6)   NOT NULL,
    issuer_type  VARCHAR(32),
    loaded_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX registered_agency_region_idx ON registered_agency (region_code text_pattern_ops);

-- Agencies the missing-report sweep found without a published report after their deadline.
CREATE TABLE missing_report (
    agency_id    VARCHAR(80)  NOT NULL REFERENCES registered_agency (id) ON DELETE CASCADE,
    report_year  INTEGER      NOT NULL,
    deadline     DATE         NOT NULL,
    flagged_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (agency_id, report_year)
);
