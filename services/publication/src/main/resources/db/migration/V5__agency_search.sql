-- The agency-name search is a substring match (like '%…%'); a trigram index serves it for patterns of three
-- or more characters. pg_trgm ships with PostgreSQL and is a trusted extension (a database owner may create
-- it); where it cannot be created the search still works, by scanning the reports.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%): the agency search scans the reports', SQLERRM;
END $$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX IF NOT EXISTS report_agency_trgm_idx ON report USING gin (agency gin_trgm_ops);
    END IF;
END $$;
