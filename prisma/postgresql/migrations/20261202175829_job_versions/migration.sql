-- AlterTable
ALTER TABLE "download_instructions" ADD COLUMN     "job_version" INTEGER;

-- AlterTable
ALTER TABLE "job_servers" ADD COLUMN     "held_version" INTEGER;

-- CreateTable
CREATE TABLE "job_versions" (
    "id" SERIAL NOT NULL,
    "job_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    "saved_by" TEXT NOT NULL,
    "saved_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "job_versions_job_id_version_key" ON "job_versions"("job_id", "version");

-- AddForeignKey
ALTER TABLE "job_versions" ADD CONSTRAINT "job_versions_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
