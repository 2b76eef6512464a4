-- CreateTable
CREATE TABLE "job_summaries" (
    "job_id" INTEGER NOT NULL,
    "targets" INTEGER NOT NULL DEFAULT 0,
    "current_targets" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "retry" INTEGER NOT NULL DEFAULT 0,
    "canceled" INTEGER NOT NULL DEFAULT 0,
    "running" INTEGER NOT NULL DEFAULT 0,
    "never" INTEGER NOT NULL DEFAULT 0,
    "last_run_at" TIMESTAMP(3),
    "next_run_at" TIMESTAMP(3),
    "next_run_stale" BOOLEAN NOT NULL DEFAULT true,
    "missed_recent" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "job_summaries_pkey" PRIMARY KEY ("job_id")
);

-- CreateIndex
CREATE INDEX "job_summaries_next_run_stale_next_run_at_idx" ON "job_summaries"("next_run_stale", "next_run_at");

-- AddForeignKey
ALTER TABLE "job_summaries" ADD CONSTRAINT "job_summaries_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The summaries are kept by the triggers below. A later migration that rebuilds jobs, job_servers or job_schedules
-- (on SQLite, Prisma copies a table to a new one to change a column) loses that table's triggers: write them again
-- in that migration. lib/msx/job-summaries.test.ts fails without them.

-- Each job's summary row comes with the job.
CREATE FUNCTION "job_summaries_job_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "job_summaries" ("job_id") VALUES (NEW."id");
  RETURN NULL;
END $$;
CREATE TRIGGER "job_summaries_job_inserted" AFTER INSERT ON "jobs"
  FOR EACH ROW EXECUTE FUNCTION "job_summaries_job_inserted"();

-- A new version is held by no target until they acknowledge it.
CREATE FUNCTION "job_summaries_job_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "job_summaries" SET "current_targets" = (
    SELECT COUNT(*) FROM "job_servers" WHERE "job_id" = NEW."id" AND "held_version" = NEW."version"
  ) WHERE "job_id" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "job_summaries_job_version" AFTER UPDATE OF "version" ON "jobs"
  FOR EACH ROW WHEN (NEW."version" <> OLD."version") EXECUTE FUNCTION "job_summaries_job_version"();

-- Its schedules, pause or enabled decide the next run.
CREATE FUNCTION "job_summaries_next_run_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'jobs' THEN
    UPDATE "job_summaries" SET "next_run_stale" = true WHERE "job_id" = NEW."id";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "job_summaries" SET "next_run_stale" = true WHERE "job_id" = OLD."job_id";
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "job_summaries" SET "next_run_stale" = true WHERE "job_id" IN (OLD."job_id", NEW."job_id");
  ELSE
    UPDATE "job_summaries" SET "next_run_stale" = true WHERE "job_id" = NEW."job_id";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "job_summaries_job_timing" AFTER UPDATE OF "enabled", "paused_until" ON "jobs"
  FOR EACH ROW EXECUTE FUNCTION "job_summaries_next_run_stale"();
CREATE TRIGGER "job_summaries_schedule_changed" AFTER INSERT OR UPDATE OR DELETE ON "job_schedules"
  FOR EACH ROW EXECUTE FUNCTION "job_summaries_next_run_stale"();

-- A holding counts once, by the version it holds and by how it last ended (a run reported in progress counts as
-- running, whatever its last outcome). One statement's rows are counted together, and a summary is written only
-- when a count moves: run progress, written with every poll, leaves the summaries alone.
CREATE FUNCTION "job_summaries_holdings_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "fields" text := '"job_id", "held_version", "last_run_outcome", "current_run_id", "last_run_at"';
  "changes" text;
BEGIN
  -- a transition table exists only for the operations that have it, so the query names those alone
  "changes" := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT 1 AS "sign", %s FROM "new_rows"', "fields")
    WHEN 'DELETE' THEN format('SELECT -1 AS "sign", %s FROM "old_rows"', "fields")
    ELSE format('SELECT 1 AS "sign", %s FROM "new_rows" UNION ALL SELECT -1, %s FROM "old_rows"', "fields", "fields")
  END;
  EXECUTE format($query$
  WITH "changes" AS (%s), "deltas" AS (
    SELECT c."job_id",
      SUM(c."sign") AS "targets",
      SUM(CASE WHEN c."held_version" = j."version" THEN c."sign" ELSE 0 END) AS "current_targets",
      SUM(CASE WHEN c."current_run_id" IS NULL AND c."last_run_outcome" = 0 THEN c."sign" ELSE 0 END) AS "failed",
      SUM(CASE WHEN c."current_run_id" IS NULL AND c."last_run_outcome" = 1 THEN c."sign" ELSE 0 END) AS "succeeded",
      SUM(CASE WHEN c."current_run_id" IS NULL AND c."last_run_outcome" = 2 THEN c."sign" ELSE 0 END) AS "retry",
      SUM(CASE WHEN c."current_run_id" IS NULL AND c."last_run_outcome" = 3 THEN c."sign" ELSE 0 END) AS "canceled",
      SUM(CASE WHEN c."current_run_id" IS NOT NULL OR c."last_run_outcome" = 4 THEN c."sign" ELSE 0 END) AS "running",
      SUM(CASE WHEN c."current_run_id" IS NULL AND c."last_run_outcome" NOT IN (0, 1, 2, 3, 4) THEN c."sign" ELSE 0 END)
        AS "never",
      MAX(CASE WHEN c."sign" > 0 THEN c."last_run_at" END) AS "last_run_at"
    FROM "changes" c JOIN "jobs" j ON j."id" = c."job_id"
    GROUP BY c."job_id"
  )
  UPDATE "job_summaries" s SET
    "targets" = s."targets" + d."targets",
    "current_targets" = s."current_targets" + d."current_targets",
    "failed" = s."failed" + d."failed",
    "succeeded" = s."succeeded" + d."succeeded",
    "retry" = s."retry" + d."retry",
    "canceled" = s."canceled" + d."canceled",
    "running" = s."running" + d."running",
    "never" = s."never" + d."never",
    "last_run_at" = GREATEST(s."last_run_at", d."last_run_at")
  FROM "deltas" d
  WHERE s."job_id" = d."job_id" AND (
    d."targets" <> 0 OR d."current_targets" <> 0 OR d."failed" <> 0 OR d."succeeded" <> 0 OR d."retry" <> 0
    OR d."canceled" <> 0 OR d."running" <> 0 OR d."never" <> 0
    OR d."last_run_at" > COALESCE(s."last_run_at", '-infinity'::timestamp)
  )
  $query$, "changes");
  RETURN NULL;
END $$;
CREATE TRIGGER "job_summaries_holdings_inserted" AFTER INSERT ON "job_servers"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "job_summaries_holdings_changed"();
CREATE TRIGGER "job_summaries_holdings_updated" AFTER UPDATE ON "job_servers"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "job_summaries_holdings_changed"();
CREATE TRIGGER "job_summaries_holdings_deleted" AFTER DELETE ON "job_servers"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "job_summaries_holdings_changed"();

-- The jobs already there.
INSERT INTO "job_summaries" ("job_id", "targets", "current_targets", "succeeded", "failed", "retry", "canceled", "running", "never", "last_run_at")
SELECT j."id", COUNT(js."job_id"),
  COUNT(*) FILTER (WHERE js."held_version" = j."version"),
  COUNT(*) FILTER (WHERE js."current_run_id" IS NULL AND js."last_run_outcome" = 1),
  COUNT(*) FILTER (WHERE js."current_run_id" IS NULL AND js."last_run_outcome" = 0),
  COUNT(*) FILTER (WHERE js."current_run_id" IS NULL AND js."last_run_outcome" = 2),
  COUNT(*) FILTER (WHERE js."current_run_id" IS NULL AND js."last_run_outcome" = 3),
  COUNT(*) FILTER (WHERE js."current_run_id" IS NOT NULL OR js."last_run_outcome" = 4),
  COUNT(*) FILTER (WHERE js."current_run_id" IS NULL AND js."last_run_outcome" NOT IN (0, 1, 2, 3, 4)),
  MAX(js."last_run_at")
FROM "jobs" j LEFT JOIN "job_servers" js ON js."job_id" = j."id"
GROUP BY j."id";
