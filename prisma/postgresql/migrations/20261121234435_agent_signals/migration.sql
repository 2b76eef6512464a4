-- CreateTable
CREATE TABLE "agent_signals" (
    "id" SERIAL NOT NULL,
    "target_id" INTEGER,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_signals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "agent_signals_created_at_idx" ON "agent_signals"("created_at");
