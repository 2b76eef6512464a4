-- AlterTable
ALTER TABLE "job_servers" ADD COLUMN     "ended_step_name" TEXT,
ADD COLUMN     "ended_step_number" INTEGER,
ADD COLUMN     "ended_step_outcome" INTEGER,
ADD COLUMN     "ended_step_received_at" TIMESTAMP(3);
