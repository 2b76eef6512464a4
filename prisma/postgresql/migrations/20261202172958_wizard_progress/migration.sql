-- AlterTable
ALTER TABLE "enlistment_requests" ADD COLUMN     "clock_skew_ms" INTEGER,
ADD COLUMN     "encryption_mode" TEXT NOT NULL DEFAULT 'strict',
ADD COLUMN     "wizard_chosen_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "wizard_progress" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "step" TEXT NOT NULL DEFAULT 'checks',
    "last_run" TEXT,
    "updated_by" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "wizard_progress_pkey" PRIMARY KEY ("id")
);
