-- AlterTable
ALTER TABLE "users" ADD COLUMN     "auto_refresh" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "refresh_seconds" INTEGER NOT NULL DEFAULT 10;
