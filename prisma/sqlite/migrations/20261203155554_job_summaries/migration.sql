-- CreateTable
CREATE TABLE "job_summaries" (
    "job_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "targets" INTEGER NOT NULL DEFAULT 0,
    "current_targets" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "retry" INTEGER NOT NULL DEFAULT 0,
    "canceled" INTEGER NOT NULL DEFAULT 0,
    "running" INTEGER NOT NULL DEFAULT 0,
    "never" INTEGER NOT NULL DEFAULT 0,
    "last_run_at" DATETIME,
    "next_run_at" DATETIME,
    "next_run_stale" BOOLEAN NOT NULL DEFAULT true,
    "missed_recent" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "job_summaries_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "job_summaries_next_run_stale_next_run_at_idx" ON "job_summaries"("next_run_stale", "next_run_at");

-- The summaries are kept by the triggers below. A later migration that rebuilds jobs, job_servers or job_schedules
-- (on SQLite, Prisma copies a table to a new one to change a column) loses that table's triggers: write them again
-- in that migration. lib/msx/job-summaries.test.ts fails without them.

-- Each job's summary row comes with the job.
CREATE TRIGGER "job_summaries_job_inserted" AFTER INSERT ON "jobs" BEGIN
  INSERT INTO "job_summaries" ("job_id") VALUES (NEW."id");
END;

-- A new version is held by no target until they acknowledge it; its schedules, pause or enabled decide the next run.
CREATE TRIGGER "job_summaries_job_version" AFTER UPDATE OF "version" ON "jobs" WHEN NEW."version" <> OLD."version" BEGIN
  UPDATE "job_summaries" SET "current_targets" = (
    SELECT COUNT(*) FROM "job_servers" WHERE "job_id" = NEW."id" AND "held_version" = NEW."version"
  ) WHERE "job_id" = NEW."id";
END;

CREATE TRIGGER "job_summaries_job_timing" AFTER UPDATE OF "enabled", "paused_until" ON "jobs" BEGIN
  UPDATE "job_summaries" SET "next_run_stale" = true WHERE "job_id" = NEW."id";
END;

CREATE TRIGGER "job_summaries_schedule_inserted" AFTER INSERT ON "job_schedules" BEGIN
  UPDATE "job_summaries" SET "next_run_stale" = true WHERE "job_id" = NEW."job_id";
END;

CREATE TRIGGER "job_summaries_schedule_updated" AFTER UPDATE ON "job_schedules" BEGIN
  UPDATE "job_summaries" SET "next_run_stale" = true WHERE "job_id" IN (OLD."job_id", NEW."job_id");
END;

CREATE TRIGGER "job_summaries_schedule_deleted" AFTER DELETE ON "job_schedules" BEGIN
  UPDATE "job_summaries" SET "next_run_stale" = true WHERE "job_id" = OLD."job_id";
END;

-- A holding counts once, by the version it holds and by how it last ended (a run reported in progress counts as
-- running, whatever its last outcome).
CREATE TRIGGER "job_summaries_holding_inserted" AFTER INSERT ON "job_servers" BEGIN
  UPDATE "job_summaries" SET
    "targets" = "targets" + 1,
    "current_targets" = "current_targets" + (NEW."held_version" IS NOT NULL AND NEW."held_version" = (SELECT "version" FROM "jobs" WHERE "id" = NEW."job_id")),
    "failed" = "failed" + (NEW."current_run_id" IS NULL AND NEW."last_run_outcome" = 0),
    "succeeded" = "succeeded" + (NEW."current_run_id" IS NULL AND NEW."last_run_outcome" = 1),
    "retry" = "retry" + (NEW."current_run_id" IS NULL AND NEW."last_run_outcome" = 2),
    "canceled" = "canceled" + (NEW."current_run_id" IS NULL AND NEW."last_run_outcome" = 3),
    "running" = "running" + (NEW."current_run_id" IS NOT NULL OR NEW."last_run_outcome" = 4),
    "never" = "never" + (NEW."current_run_id" IS NULL AND NEW."last_run_outcome" NOT IN (0, 1, 2, 3, 4)),
    "last_run_at" = CASE WHEN NEW."last_run_at" > COALESCE("last_run_at", '') THEN NEW."last_run_at" ELSE "last_run_at" END
  WHERE "job_id" = NEW."job_id";
END;

CREATE TRIGGER "job_summaries_holding_updated"
AFTER UPDATE OF "held_version", "last_run_outcome", "current_run_id", "last_run_at" ON "job_servers" BEGIN
  UPDATE "job_summaries" SET
    "current_targets" = "current_targets"
      + (NEW."held_version" IS NOT NULL AND NEW."held_version" = (SELECT "version" FROM "jobs" WHERE "id" = NEW."job_id"))
      - (OLD."held_version" IS NOT NULL AND OLD."held_version" = (SELECT "version" FROM "jobs" WHERE "id" = OLD."job_id")),
    "failed" = "failed" + (NEW."current_run_id" IS NULL AND NEW."last_run_outcome" = 0)
      - (OLD."current_run_id" IS NULL AND OLD."last_run_outcome" = 0),
    "succeeded" = "succeeded" + (NEW."current_run_id" IS NULL AND NEW."last_run_outcome" = 1)
      - (OLD."current_run_id" IS NULL AND OLD."last_run_outcome" = 1),
    "retry" = "retry" + (NEW."current_run_id" IS NULL AND NEW."last_run_outcome" = 2)
      - (OLD."current_run_id" IS NULL AND OLD."last_run_outcome" = 2),
    "canceled" = "canceled" + (NEW."current_run_id" IS NULL AND NEW."last_run_outcome" = 3)
      - (OLD."current_run_id" IS NULL AND OLD."last_run_outcome" = 3),
    "running" = "running" + (NEW."current_run_id" IS NOT NULL OR NEW."last_run_outcome" = 4)
      - (OLD."current_run_id" IS NOT NULL OR OLD."last_run_outcome" = 4),
    "never" = "never" + (NEW."current_run_id" IS NULL AND NEW."last_run_outcome" NOT IN (0, 1, 2, 3, 4))
      - (OLD."current_run_id" IS NULL AND OLD."last_run_outcome" NOT IN (0, 1, 2, 3, 4)),
    "last_run_at" = CASE WHEN NEW."last_run_at" > COALESCE("last_run_at", '') THEN NEW."last_run_at" ELSE "last_run_at" END
  WHERE "job_id" = NEW."job_id";
END;

CREATE TRIGGER "job_summaries_holding_deleted" AFTER DELETE ON "job_servers" BEGIN
  UPDATE "job_summaries" SET
    "targets" = "targets" - 1,
    "current_targets" = "current_targets" - (OLD."held_version" IS NOT NULL AND OLD."held_version" = (SELECT "version" FROM "jobs" WHERE "id" = OLD."job_id")),
    "failed" = "failed" - (OLD."current_run_id" IS NULL AND OLD."last_run_outcome" = 0),
    "succeeded" = "succeeded" - (OLD."current_run_id" IS NULL AND OLD."last_run_outcome" = 1),
    "retry" = "retry" - (OLD."current_run_id" IS NULL AND OLD."last_run_outcome" = 2),
    "canceled" = "canceled" - (OLD."current_run_id" IS NULL AND OLD."last_run_outcome" = 3),
    "running" = "running" - (OLD."current_run_id" IS NOT NULL OR OLD."last_run_outcome" = 4),
    "never" = "never" - (OLD."current_run_id" IS NULL AND OLD."last_run_outcome" NOT IN (0, 1, 2, 3, 4))
  WHERE "job_id" = OLD."job_id";
END;

-- The jobs already there.
INSERT INTO "job_summaries" ("job_id", "targets", "current_targets", "succeeded", "failed", "retry", "canceled", "running", "never", "last_run_at")
SELECT j."id", COUNT(js."job_id"),
  COALESCE(SUM(js."held_version" = j."version"), 0),
  COALESCE(SUM(js."current_run_id" IS NULL AND js."last_run_outcome" = 1), 0),
  COALESCE(SUM(js."current_run_id" IS NULL AND js."last_run_outcome" = 0), 0),
  COALESCE(SUM(js."current_run_id" IS NULL AND js."last_run_outcome" = 2), 0),
  COALESCE(SUM(js."current_run_id" IS NULL AND js."last_run_outcome" = 3), 0),
  COALESCE(SUM(js."current_run_id" IS NOT NULL OR js."last_run_outcome" = 4), 0),
  COALESCE(SUM(js."current_run_id" IS NULL AND js."last_run_outcome" NOT IN (0, 1, 2, 3, 4)), 0),
  MAX(js."last_run_at")
FROM "jobs" j LEFT JOIN "job_servers" js ON js."job_id" = j."id"
GROUP BY j."id";
