-- A report's model, findings and cells (20-40 KB of JSON per version, written to report and report_revision) were
-- compressed by pglz, PostgreSQL's default, which took about a third of the database's CPU per published report
-- (BENCHMARKS.md, fifth round). Where the server has lz4 they are compressed with it (several times faster);
-- elsewhere they are stored out of line without compression (EXTERNAL), trading disk for CPU. Rows written
-- before keep their compression; both read the same.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE report ALTER COLUMN model SET COMPRESSION lz4, ALTER COLUMN findings SET COMPRESSION lz4,
            ALTER COLUMN cells SET COMPRESSION lz4;
        ALTER TABLE report_revision ALTER COLUMN model SET COMPRESSION lz4, ALTER COLUMN findings SET COMPRESSION lz4;
    ELSE
        ALTER TABLE report ALTER COLUMN model SET STORAGE EXTERNAL, ALTER COLUMN findings SET STORAGE EXTERNAL,
            ALTER COLUMN cells SET STORAGE EXTERNAL;
        ALTER TABLE report_revision ALTER COLUMN model SET STORAGE EXTERNAL, ALTER COLUMN findings SET STORAGE EXTERNAL;
    END IF;
END $$;
