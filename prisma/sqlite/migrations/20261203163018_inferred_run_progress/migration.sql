-- AlterTable
ALTER TABLE "job_servers" ADD COLUMN "ended_step_name" TEXT;
ALTER TABLE "job_servers" ADD COLUMN "ended_step_number" INTEGER;
ALTER TABLE "job_servers" ADD COLUMN "ended_step_outcome" INTEGER;
ALTER TABLE "job_servers" ADD COLUMN "ended_step_received_at" DATETIME;
