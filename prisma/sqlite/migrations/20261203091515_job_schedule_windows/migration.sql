-- AlterTable
ALTER TABLE "job_schedules" ADD COLUMN "ends_at" DATETIME;
ALTER TABLE "job_schedules" ADD COLUMN "starts_at" DATETIME;

-- AlterTable
ALTER TABLE "jobs" ADD COLUMN "paused_until" DATETIME;
