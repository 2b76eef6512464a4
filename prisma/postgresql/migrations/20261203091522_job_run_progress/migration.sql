-- AlterTable
ALTER TABLE "job_servers" ADD COLUMN     "current_run_id" TEXT,
ADD COLUMN     "current_run_started_at" TIMESTAMP(3),
ADD COLUMN     "current_step_name" TEXT,
ADD COLUMN     "current_step_number" INTEGER,
ADD COLUMN     "current_step_started_at" TIMESTAMP(3),
ADD COLUMN     "progress_reported_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "job_servers_current_run_started_at_idx" ON "job_servers"("current_run_started_at");
