-- Which previous-year report each report was last validated against ("<submission>@<sha256 of its model>",
-- NULL: none). The cross-year sweep re-validates a report whose agency's latest previous year differs.
-- Rows validated before this column existed are NULL and get re-validated once by the first sweep.
ALTER TABLE validated_report ADD COLUMN validated_against VARCHAR(120);
