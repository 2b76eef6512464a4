-- AlterTable
ALTER TABLE "target_servers" ADD COLUMN "last_poll_address" TEXT;

-- CreateTable
CREATE TABLE "refused_requests" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fingerprint" TEXT NOT NULL,
    "subject" TEXT,
    "target_name" TEXT,
    "name_key" TEXT,
    "target_id" INTEGER,
    "reason" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "agent_version" TEXT,
    "first_at" DATETIME NOT NULL,
    "last_at" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "refused_requests_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "target_servers" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "refused_requests_fingerprint_key" ON "refused_requests"("fingerprint");

-- CreateIndex
CREATE INDEX "refused_requests_name_key_last_at_idx" ON "refused_requests"("name_key", "last_at");

-- CreateIndex
CREATE INDEX "refused_requests_target_id_idx" ON "refused_requests"("target_id");

-- CreateIndex
CREATE INDEX "refused_requests_last_at_idx" ON "refused_requests"("last_at");
