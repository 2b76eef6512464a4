-- CreateIndex
CREATE INDEX "missed_runs_job_id_target_id_due_at_idx" ON "missed_runs"("job_id", "target_id", "due_at");
