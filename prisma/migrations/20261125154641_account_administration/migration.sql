-- AlterTable
ALTER TABLE "delegation" ADD COLUMN     "revoked_at" TIMESTAMPTZ(3),
ADD COLUMN     "revoked_by" VARCHAR(64),
ADD COLUMN     "revoked_reason" VARCHAR(200);

-- AlterTable
ALTER TABLE "refresh_token" ADD COLUMN     "family_id" VARCHAR(64);

-- AlterTable
ALTER TABLE "user_account" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "disabled_at" TIMESTAMPTZ(3),
ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "token_version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" TIMESTAMPTZ(3),

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "refresh_token_family_id_idx" ON "refresh_token"("family_id");

-- The demo accounts `npm start` created before this migration are marked, so production mode refuses them.
UPDATE "user_account" SET "demo" = true
WHERE "id" IN ('giamsat', 'quantri')
   OR "id" ~ '^(bithu|vanphong|uyvien[1-3])\.(kimlien|vanmieu|danphuong|phucloc|ochodua)$';
