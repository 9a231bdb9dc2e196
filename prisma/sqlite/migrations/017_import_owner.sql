-- 017: an import run records the process that runs it ("host:pid"), so that a run left
-- "running" by a process that died (kill -9, a crash) is marked 'interrupted' at the next
-- start instead of staying "running" forever. Kept in step with prisma/models/store.prisma.

ALTER TABLE import_run ADD COLUMN owner TEXT;
CREATE INDEX import_run_status_idx ON import_run(status);
