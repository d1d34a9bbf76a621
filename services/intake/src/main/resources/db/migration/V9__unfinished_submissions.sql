-- The submissions not yet published (and the failed ones), which the status gauges count every few seconds: with this
-- index they count them without reading the whole table, which grows with every report ever received.
CREATE INDEX submission_unfinished_idx ON submission (status) WHERE status <> 'PUBLISHED';
