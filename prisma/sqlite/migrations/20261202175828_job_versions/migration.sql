-- AlterTable
ALTER TABLE "download_instructions" ADD COLUMN "job_version" INTEGER;

-- AlterTable
ALTER TABLE "job_servers" ADD COLUMN "held_version" INTEGER;

-- CreateTable
CREATE TABLE "job_versions" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    "saved_by" TEXT NOT NULL,
    "saved_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "job_versions_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "job_versions_job_id_version_key" ON "job_versions"("job_id", "version");
