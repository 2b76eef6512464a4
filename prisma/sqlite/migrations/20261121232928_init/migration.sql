-- CreateTable
CREATE TABLE "master_server" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "made_master_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "default_poll_interval_seconds" INTEGER NOT NULL DEFAULT 60,
    "ca_fingerprint" TEXT,
    "msx_operator_id" INTEGER,
    "dismantled_at" DATETIME,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "master_server_msx_operator_id_fkey" FOREIGN KEY ("msx_operator_id") REFERENCES "operators" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "operators" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "email" TEXT,
    "pager_email" TEXT,
    "webhook_url" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "target_servers" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "time_zone_offset_minutes" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL DEFAULT 'ENLISTED',
    "enlisted_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enlisted_by" TEXT NOT NULL,
    "last_poll_at" DATETIME,
    "local_time_at_last_poll" DATETIME,
    "poll_interval_seconds" INTEGER NOT NULL DEFAULT 60,
    "suspect_offline_at" DATETIME NOT NULL,
    "agent_version" TEXT NOT NULL,
    "run_as_account" TEXT,
    "encryption_mode" TEXT NOT NULL DEFAULT 'strict',
    "cert_fingerprint" TEXT,
    "clock_skew_ms" INTEGER,
    "spool_depth" INTEGER NOT NULL DEFAULT 0,
    "spool_oldest_at" DATETIME,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "target_poll_samples" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "target_id" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "poll_interval_seconds" INTEGER NOT NULL,
    "clock_skew_ms" INTEGER,
    "spool_depth" INTEGER NOT NULL,
    CONSTRAINT "target_poll_samples_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "target_servers" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "enlistment_requests" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "time_zone_offset_minutes" INTEGER NOT NULL DEFAULT 0,
    "agent_version" TEXT NOT NULL,
    "run_as_account" TEXT,
    "key_fingerprint" TEXT NOT NULL,
    "csr_pem" TEXT NOT NULL,
    "source_address" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "requested_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" DATETIME,
    "decided_by" TEXT,
    "reason" TEXT
);

-- CreateTable
CREATE TABLE "enlistment_tokens" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "token_hash" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "expires_at" DATETIME NOT NULL,
    "uses_left" INTEGER,
    "created_by" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" DATETIME
);

-- CreateTable
CREATE TABLE "revoked_certificates" (
    "fingerprint" TEXT NOT NULL PRIMARY KEY,
    "target_name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "revoked_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "target_server_groups" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "target_server_group_members" (
    "group_id" INTEGER NOT NULL,
    "target_id" INTEGER NOT NULL,
    "added_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("group_id", "target_id"),
    CONSTRAINT "target_server_group_members_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "target_server_groups" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "target_server_group_members_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "target_servers" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "download_instructions" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source_server" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "object_id" INTEGER,
    "object_name" TEXT,
    "target_id" INTEGER,
    "target_name" TEXT NOT NULL,
    "value" TEXT,
    "date_posted" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "date_downloaded" DATETIME,
    "status" INTEGER NOT NULL DEFAULT 0,
    "error_message" TEXT,
    "deleted_object_name" TEXT,
    CONSTRAINT "download_instructions_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "target_servers" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "category" TEXT NOT NULL DEFAULT '[Uncategorized (Multi-Server)]',
    "owner" TEXT NOT NULL,
    "notify_email" TEXT NOT NULL DEFAULT 'never',
    "notify_pager" TEXT NOT NULL DEFAULT 'never',
    "notify_webhook" TEXT NOT NULL DEFAULT 'never',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "job_steps" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job_id" INTEGER NOT NULL,
    "step_number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "connection" TEXT,
    "proxy" TEXT,
    "on_success" TEXT NOT NULL DEFAULT 'next',
    "on_failure" TEXT NOT NULL DEFAULT 'quit-failure',
    "retry_attempts" INTEGER NOT NULL DEFAULT 0,
    "retry_interval_seconds" INTEGER NOT NULL DEFAULT 0,
    "timeout_seconds" INTEGER,
    CONSTRAINT "job_steps_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "job_schedules" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "cron" TEXT,
    "run_at" DATETIME,
    CONSTRAINT "job_schedules_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "job_target_groups" (
    "job_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,

    PRIMARY KEY ("job_id", "group_id"),
    CONSTRAINT "job_target_groups_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "job_target_groups_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "target_server_groups" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "job_servers" (
    "job_id" INTEGER NOT NULL,
    "target_id" INTEGER NOT NULL,
    "direct" BOOLEAN NOT NULL DEFAULT false,
    "last_run_outcome" INTEGER NOT NULL DEFAULT 5,
    "last_outcome_message" TEXT,
    "last_run_at" DATETIME,
    "last_run_duration_ms" INTEGER,

    PRIMARY KEY ("job_id", "target_id"),
    CONSTRAINT "job_servers_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "job_servers_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "target_servers" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "job_history" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "idempotency_key" TEXT NOT NULL,
    "job_id" INTEGER,
    "job_name" TEXT NOT NULL,
    "target_id" INTEGER,
    "target_name" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "step_number" INTEGER NOT NULL,
    "step_name" TEXT NOT NULL,
    "run_status" INTEGER NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "output" TEXT NOT NULL DEFAULT '',
    "started_at" DATETIME NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "retries_attempted" INTEGER NOT NULL DEFAULT 0,
    "received_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "password_hash" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "disabled_at" DATETIME
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "token_hash" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'browser',
    "label" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" DATETIME NOT NULL,
    CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "object_name" TEXT NOT NULL DEFAULT '',
    "details" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "result" TEXT NOT NULL DEFAULT 'success'
);

-- CreateIndex
CREATE UNIQUE INDEX "operators_name_key_key" ON "operators"("name_key");

-- CreateIndex
CREATE UNIQUE INDEX "target_servers_name_key_key" ON "target_servers"("name_key");

-- CreateIndex
CREATE UNIQUE INDEX "target_servers_cert_fingerprint_key" ON "target_servers"("cert_fingerprint");

-- CreateIndex
CREATE INDEX "target_servers_state_idx" ON "target_servers"("state");

-- CreateIndex
CREATE INDEX "target_servers_suspect_offline_at_idx" ON "target_servers"("suspect_offline_at");

-- CreateIndex
CREATE INDEX "target_servers_last_poll_at_idx" ON "target_servers"("last_poll_at");

-- CreateIndex
CREATE INDEX "target_servers_location_idx" ON "target_servers"("location");

-- CreateIndex
CREATE INDEX "target_poll_samples_target_id_at_idx" ON "target_poll_samples"("target_id", "at");

-- CreateIndex
CREATE INDEX "enlistment_requests_state_requested_at_idx" ON "enlistment_requests"("state", "requested_at");

-- CreateIndex
CREATE INDEX "enlistment_requests_name_key_idx" ON "enlistment_requests"("name_key");

-- CreateIndex
CREATE INDEX "enlistment_requests_key_fingerprint_idx" ON "enlistment_requests"("key_fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "enlistment_tokens_token_hash_key" ON "enlistment_tokens"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "target_server_groups_name_key_key" ON "target_server_groups"("name_key");

-- CreateIndex
CREATE INDEX "target_server_group_members_target_id_idx" ON "target_server_group_members"("target_id");

-- CreateIndex
CREATE INDEX "download_instructions_target_id_status_id_idx" ON "download_instructions"("target_id", "status", "id");

-- CreateIndex
CREATE INDEX "download_instructions_target_id_error_message_idx" ON "download_instructions"("target_id", "error_message");

-- CreateIndex
CREATE INDEX "download_instructions_status_date_posted_idx" ON "download_instructions"("status", "date_posted");

-- CreateIndex
CREATE INDEX "download_instructions_object_id_idx" ON "download_instructions"("object_id");

-- CreateIndex
CREATE UNIQUE INDEX "jobs_name_key_key" ON "jobs"("name_key");

-- CreateIndex
CREATE UNIQUE INDEX "job_steps_job_id_step_number_key" ON "job_steps"("job_id", "step_number");

-- CreateIndex
CREATE UNIQUE INDEX "job_schedules_job_id_name_key" ON "job_schedules"("job_id", "name");

-- CreateIndex
CREATE INDEX "job_target_groups_group_id_idx" ON "job_target_groups"("group_id");

-- CreateIndex
CREATE INDEX "job_servers_target_id_idx" ON "job_servers"("target_id");

-- CreateIndex
CREATE UNIQUE INDEX "job_history_idempotency_key_key" ON "job_history"("idempotency_key");

-- CreateIndex
CREATE INDEX "job_history_job_id_started_at_idx" ON "job_history"("job_id", "started_at");

-- CreateIndex
CREATE INDEX "job_history_target_id_started_at_idx" ON "job_history"("target_id", "started_at");

-- CreateIndex
CREATE INDEX "job_history_run_id_idx" ON "job_history"("run_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_name_key_key" ON "users"("name_key");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE INDEX "audit_events_actor_at_idx" ON "audit_events"("actor", "at");

-- CreateIndex
CREATE INDEX "audit_events_action_at_idx" ON "audit_events"("action", "at");
