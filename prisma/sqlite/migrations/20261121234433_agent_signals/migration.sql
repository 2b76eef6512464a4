-- CreateTable
CREATE TABLE "agent_signals" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "target_id" INTEGER,
    "reason" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "agent_signals_created_at_idx" ON "agent_signals"("created_at");
