-- A report's cells move into its row: report.cells is the ordered path -> value JSON of the current version (blank
-- cells null), written with the row, where report_cell wrote about 200 indexed rows per version (measured: 40% of
-- the database's time and over half its WAL while publishing). Roll-ups of the kept prefixes stay in rollup_cell;
-- other prefixes and exports read report.cells.
ALTER TABLE report ADD COLUMN cells TEXT;
ALTER TABLE report ADD COLUMN active_table VARCHAR(4); -- '2019' or '2021': which part 二 columns the report uses

UPDATE report r SET cells = c.cells, active_table = c.active_table
FROM (SELECT report_id, json_object_agg(path, value ORDER BY ordinal)::text AS cells, min(active_table) AS active_table
      FROM report_cell GROUP BY report_id) c
WHERE c.report_id = r.id;

DROP TABLE report_cell;

-- the reports whose cells are still to be filled in from their model (published before cells were kept)
CREATE INDEX report_without_cells_idx ON report (id) WHERE cells IS NULL;
