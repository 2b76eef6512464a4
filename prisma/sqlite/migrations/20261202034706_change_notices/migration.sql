-- CreateTable
CREATE TABLE "change_notices" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "topics" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "change_notices_created_at_idx" ON "change_notices"("created_at");
