-- A validated report's model, findings and metadata (20-40 KB of JSON) were compressed by pglz, PostgreSQL's
-- default, a large part of the database's CPU per report (BENCHMARKS.md, fifth round). Where the server has lz4 they
-- are compressed with it (several times faster); elsewhere stored out of line without compression (EXTERNAL),
-- trading disk for CPU. Rows written before keep their compression; both read the same.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE validated_report ALTER COLUMN report SET COMPRESSION lz4, ALTER COLUMN findings SET COMPRESSION lz4,
            ALTER COLUMN metadata SET COMPRESSION lz4;
    ELSE
        ALTER TABLE validated_report ALTER COLUMN report SET STORAGE EXTERNAL, ALTER COLUMN findings SET STORAGE EXTERNAL,
            ALTER COLUMN metadata SET STORAGE EXTERNAL;
    END IF;
END $$;
