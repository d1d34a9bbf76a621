-- Roll-up sums kept up to date as reports are published: for each report year, each region prefix a roll-up
-- is usually asked for ('' for everywhere, the 2-digit province, 4-digit prefecture and 6-digit county of a
-- 行政区划代码) and each cell, the sum over the current versions of the reports (blank cells count as 0).
-- Other prefixes are summed from report_cell.
CREATE TABLE rollup_cell (
    report_year   INTEGER      NOT NULL,
    region_prefix VARCHAR(6)   NOT NULL,
    active_table  VARCHAR(4)   NOT NULL,
    path          VARCHAR(120) NOT NULL,
    value         NUMERIC      NOT NULL,
    PRIMARY KEY (report_year, region_prefix, active_table, path)
);

INSERT INTO rollup_cell (report_year, region_prefix, active_table, path, value)
SELECT c.report_year, p.prefix, c.active_table, c.path, sum(coalesce(c.value, 0))
FROM report_cell c
CROSS JOIN LATERAL (VALUES (''), (left(c.region_code, 2)), (left(c.region_code, 4)), (c.region_code)) p (prefix)
WHERE c.report_year IS NOT NULL AND p.prefix IS NOT NULL
GROUP BY c.report_year, p.prefix, c.active_table, c.path;

-- the list's order (newest year first, then agency)
CREATE INDEX report_list_order_idx ON report (report_year DESC, agency, id);
