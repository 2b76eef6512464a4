-- AlterTable
ALTER TABLE "job_servers" ADD COLUMN "current_run_id" TEXT;
ALTER TABLE "job_servers" ADD COLUMN "current_run_started_at" DATETIME;
ALTER TABLE "job_servers" ADD COLUMN "current_step_name" TEXT;
ALTER TABLE "job_servers" ADD COLUMN "current_step_number" INTEGER;
ALTER TABLE "job_servers" ADD COLUMN "current_step_started_at" DATETIME;
ALTER TABLE "job_servers" ADD COLUMN "progress_reported_at" DATETIME;

-- CreateIndex
CREATE INDEX "job_servers_current_run_started_at_idx" ON "job_servers"("current_run_started_at");
