-- CreateTable
CREATE TABLE "change_notices" (
    "id" SERIAL NOT NULL,
    "topics" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "change_notices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "change_notices_created_at_idx" ON "change_notices"("created_at");
