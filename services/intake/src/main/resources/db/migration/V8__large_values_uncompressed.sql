-- Submitted documents and each submission's findings were compressed by pglz, PostgreSQL's default, a large part of
-- the database's CPU per report (BENCHMARKS.md, fifth round). Where the server has lz4 they are compressed with it
-- (several times faster); elsewhere stored out of line without compression (EXTERNAL), trading disk for CPU. Rows
-- written before keep their compression; both read the same.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE submission_document ALTER COLUMN content SET COMPRESSION lz4;
        ALTER TABLE submission ALTER COLUMN findings SET COMPRESSION lz4;
    ELSE
        ALTER TABLE submission_document ALTER COLUMN content SET STORAGE EXTERNAL;
        ALTER TABLE submission ALTER COLUMN findings SET STORAGE EXTERNAL;
    END IF;
END $$;
