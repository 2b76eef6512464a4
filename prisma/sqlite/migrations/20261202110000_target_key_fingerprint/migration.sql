-- AlterTable
ALTER TABLE "target_servers" ADD COLUMN "key_fingerprint" TEXT;

-- CreateIndex
CREATE INDEX "target_servers_key_fingerprint_idx" ON "target_servers"("key_fingerprint");
