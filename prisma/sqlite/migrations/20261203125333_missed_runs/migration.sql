-- AlterTable
ALTER TABLE "jobs" ADD COLUMN "missed_checked_until" DATETIME;

-- CreateTable
CREATE TABLE "missed_runs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job_id" INTEGER NOT NULL,
    "schedule_name" TEXT NOT NULL,
    "target_id" INTEGER NOT NULL,
    "target_name" TEXT NOT NULL,
    "due_at" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "seen_at" DATETIME,
    "note" TEXT,
    "late_by_ms" INTEGER,
    "recorded_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "missed_runs_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "missed_runs_job_id_due_at_idx" ON "missed_runs"("job_id", "due_at");

-- CreateIndex
CREATE INDEX "missed_runs_due_at_job_id_reason_idx" ON "missed_runs"("due_at", "job_id", "reason");

-- CreateIndex
CREATE UNIQUE INDEX "missed_runs_job_id_schedule_name_target_id_due_at_key" ON "missed_runs"("job_id", "schedule_name", "target_id", "due_at");
