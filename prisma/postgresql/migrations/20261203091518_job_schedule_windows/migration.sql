-- AlterTable
ALTER TABLE "job_schedules" ADD COLUMN     "ends_at" TIMESTAMP(3),
ADD COLUMN     "starts_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "paused_until" TIMESTAMP(3);
