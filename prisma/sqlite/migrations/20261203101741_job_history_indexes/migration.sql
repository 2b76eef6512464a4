-- DropIndex
DROP INDEX "job_history_job_id_started_at_idx";

-- CreateIndex
CREATE INDEX "job_history_job_id_step_number_started_at_run_status_idx" ON "job_history"("job_id", "step_number", "started_at", "run_status");

-- CreateIndex
CREATE INDEX "job_history_job_id_target_name_started_at_idx" ON "job_history"("job_id", "target_name", "started_at");
