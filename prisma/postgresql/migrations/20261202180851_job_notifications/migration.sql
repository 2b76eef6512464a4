-- CreateTable
CREATE TABLE "job_notifications" (
    "id" SERIAL NOT NULL,
    "job_id" INTEGER NOT NULL,
    "job_name" TEXT NOT NULL,
    "job_version" INTEGER NOT NULL,
    "run_id" TEXT NOT NULL,
    "target_name" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "outcome" INTEGER NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "ended_at" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL,
    "last_error" TEXT,
    "answer" TEXT,
    "sent_at" TIMESTAMP(3),
    "batch_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_notifications_state_next_attempt_at_idx" ON "job_notifications"("state", "next_attempt_at");

-- CreateIndex
CREATE INDEX "job_notifications_job_id_channel_state_next_attempt_at_idx" ON "job_notifications"("job_id", "channel", "state", "next_attempt_at");

-- CreateIndex
CREATE INDEX "job_notifications_ended_at_idx" ON "job_notifications"("ended_at");

-- CreateIndex
CREATE UNIQUE INDEX "job_notifications_run_id_target_name_channel_key" ON "job_notifications"("run_id", "target_name", "channel");

-- CreateIndex
CREATE INDEX "job_history_started_at_idx" ON "job_history"("started_at");
