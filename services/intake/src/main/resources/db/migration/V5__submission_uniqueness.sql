-- One submission per platform for the same document of the same agency and year: concurrent identical posts
-- insert one row (INSERT … ON CONFLICT DO NOTHING), the others find it.
CREATE UNIQUE INDEX submission_same_document_idx
    ON submission (platform_id, sha256, coalesce(agency, ''), coalesce(agency_code, ''), coalesce(report_year, 0));
DROP INDEX submission_document_idx;
-- Revision numbers are unique per agency and year.
CREATE UNIQUE INDEX submission_revision_idx ON submission (agency_key, report_year, revision) WHERE report_year IS NOT NULL;
-- A report's region is that of its agency's first submission.
CREATE INDEX submission_agency_idx ON submission (agency_key, received_at);
