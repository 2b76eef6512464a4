-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "password_hash" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "disabled_at" DATETIME,
    "failed_sign_ins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" DATETIME,
    "last_sign_in_at" DATETIME,
    "password_changed_at" DATETIME,
    "auto_refresh" BOOLEAN NOT NULL DEFAULT true,
    "refresh_seconds" INTEGER NOT NULL DEFAULT 10
);
INSERT INTO "new_users" ("created_at", "disabled_at", "failed_sign_ins", "id", "last_sign_in_at", "locked_until", "name", "name_key", "password_changed_at", "password_hash", "role", "updated_at") SELECT "created_at", "disabled_at", "failed_sign_ins", "id", "last_sign_in_at", "locked_until", "name", "name_key", "password_changed_at", "password_hash", "role", "updated_at" FROM "users";
DROP TABLE "users";
ALTER TABLE "new_users" RENAME TO "users";
CREATE UNIQUE INDEX "users_name_key_key" ON "users"("name_key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
