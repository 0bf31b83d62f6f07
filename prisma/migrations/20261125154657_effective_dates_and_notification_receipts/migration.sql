-- AlterTable
-- Versions carry their name's keys (live search and the live-name check read the version valid on a date).
-- Backfill: versions named as their unit today take the unit's keys (computed by the application: NFC,
-- case-folded, and without diacritics for search); earlier names get a lower-cased approximation, which only
-- as-of searches of old names could see.
ALTER TABLE "org_unit_version" ADD COLUMN     "name_key" VARCHAR(300),
ADD COLUMN     "search_key" VARCHAR(300);
UPDATE "org_unit_version" v SET "name_key" = u."name_key", "search_key" = u."search_key"
  FROM "org_unit" u WHERE u."id" = v."unit_id" AND u."name" = v."name";
UPDATE "org_unit_version" SET "name_key" = lower(normalize("name", NFC)), "search_key" = lower(normalize("name", NFC))
  WHERE "name_key" IS NULL;
ALTER TABLE "org_unit_version" ALTER COLUMN "name_key" SET NOT NULL, ALTER COLUMN "search_key" SET NOT NULL;

-- AlterTable
ALTER TABLE "procedure" ADD COLUMN     "ceremony_at" TIMESTAMPTZ(3),
ADD COLUMN     "ceremony_place" VARCHAR(300);

-- CreateTable
CREATE TABLE "notification_receipt" (
    "notification_id" BIGINT NOT NULL,
    "account_id" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_receipt_pkey" PRIMARY KEY ("notification_id","account_id")
);

-- CreateIndex
CREATE INDEX "notification_receipt_account_id_created_at_notification_id_idx" ON "notification_receipt"("account_id", "created_at" DESC, "notification_id" DESC);

-- CreateIndex
CREATE INDEX "org_unit_version_parent_id_name_key_idx" ON "org_unit_version"("parent_id", "name_key");

-- AddForeignKey
ALTER TABLE "notification_receipt" ADD CONSTRAINT "notification_receipt_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_receipt" ADD CONSTRAINT "notification_receipt_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
