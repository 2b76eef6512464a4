-- CreateTable
CREATE TABLE "wizard_progress" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "step" TEXT NOT NULL DEFAULT 'checks',
    "last_run" TEXT,
    "updated_by" TEXT,
    "updated_at" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_enlistment_requests" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "time_zone_offset_minutes" INTEGER NOT NULL DEFAULT 0,
    "agent_version" TEXT NOT NULL,
    "run_as_account" TEXT,
    "encryption_mode" TEXT NOT NULL DEFAULT 'strict',
    "clock_skew_ms" INTEGER,
    "wizard_chosen_at" DATETIME,
    "key_fingerprint" TEXT NOT NULL,
    "csr_pem" TEXT NOT NULL,
    "source_address" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "requested_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" DATETIME,
    "decided_by" TEXT,
    "reason" TEXT
);
INSERT INTO "new_enlistment_requests" ("agent_version", "csr_pem", "decided_at", "decided_by", "id", "key_fingerprint", "location", "name", "name_key", "reason", "requested_at", "run_as_account", "source_address", "state", "time_zone_offset_minutes") SELECT "agent_version", "csr_pem", "decided_at", "decided_by", "id", "key_fingerprint", "location", "name", "name_key", "reason", "requested_at", "run_as_account", "source_address", "state", "time_zone_offset_minutes" FROM "enlistment_requests";
DROP TABLE "enlistment_requests";
ALTER TABLE "new_enlistment_requests" RENAME TO "enlistment_requests";
CREATE INDEX "enlistment_requests_state_requested_at_idx" ON "enlistment_requests"("state", "requested_at");
CREATE INDEX "enlistment_requests_name_key_idx" ON "enlistment_requests"("name_key");
CREATE INDEX "enlistment_requests_key_fingerprint_idx" ON "enlistment_requests"("key_fingerprint");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
