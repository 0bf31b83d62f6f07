/*
  Warnings:

  - A unique constraint covering the columns `[issuer,year,resolution_number]` on the table `decision` will be added. If there are existing duplicate values, this will fail.
  - Added the required column `changes` to the `decision` table without a default value. This is not possible if the table is not empty.
  - Added the required column `decision_html` to the `decision` table without a default value. This is not possible if the table is not empty.
  - Added the required column `decision_text` to the `decision` table without a default value. This is not possible if the table is not empty.
  - Added the required column `effective_date` to the `decision` table without a default value. This is not possible if the table is not empty.
  - Added the required column `resolution_html` to the `decision` table without a default value. This is not possible if the table is not empty.
  - Added the required column `resolution_number` to the `decision` table without a default value. This is not possible if the table is not empty.
  - Added the required column `resolution_symbol` to the `decision` table without a default value. This is not possible if the table is not empty.
  - Added the required column `resolution_text` to the `decision` table without a default value. This is not possible if the table is not empty.

*/
-- AlterEnum
ALTER TYPE "ProcedureStatus" ADD VALUE 'withdrawn';

-- AlterEnum
ALTER TYPE "VoteChoice" ADD VALUE 'request_changes';

-- AlterTable
ALTER TABLE "announcement" ADD COLUMN     "ceremony_at" TIMESTAMPTZ(3),
ADD COLUMN     "ceremony_place" VARCHAR(300);

-- AlterTable (decisions issued before this migration get empty documents and their issue date as the
-- effective date, so the migration applies to a database that already has some, then the defaults go)
ALTER TABLE "decision" ADD COLUMN     "changes" JSONB NOT NULL DEFAULT '{"changes":[],"lineage":[]}',
ADD COLUMN     "decision_html" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "decision_text" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "effective_date" DATE NOT NULL DEFAULT CURRENT_DATE,
ADD COLUMN     "resolution_html" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "resolution_number" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "resolution_symbol" VARCHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "resolution_text" TEXT NOT NULL DEFAULT '';
UPDATE "decision" SET "effective_date" = ("issued_at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, "resolution_number" = -"id";
ALTER TABLE "decision" ALTER COLUMN "changes" DROP DEFAULT, ALTER COLUMN "decision_html" DROP DEFAULT,
ALTER COLUMN "decision_text" DROP DEFAULT, ALTER COLUMN "effective_date" DROP DEFAULT,
ALTER COLUMN "resolution_html" DROP DEFAULT, ALTER COLUMN "resolution_number" DROP DEFAULT,
ALTER COLUMN "resolution_symbol" DROP DEFAULT, ALTER COLUMN "resolution_text" DROP DEFAULT;

-- AlterTable
ALTER TABLE "procedure" ADD COLUMN     "due_at" TIMESTAMPTZ(3),
ADD COLUMN     "effective_date" DATE,
ADD COLUMN     "ended_by" VARCHAR(100),
ADD COLUMN     "ended_reason" VARCHAR(2000),
ADD COLUMN     "initiated_by" VARCHAR(100) NOT NULL DEFAULT '',
ADD COLUMN     "items" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "return_reasons" JSONB,
ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "stalled_since" TIMESTAMPTZ(3),
ADD COLUMN     "waiting_for" VARCHAR(20);

-- AlterTable
ALTER TABLE "resolution_draft" ADD COLUMN     "author_id" VARCHAR(100) NOT NULL DEFAULT 'system',
ADD COLUMN     "decision_body" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "origin" VARCHAR(20) NOT NULL DEFAULT 'generated',
ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "announcement_recipient" (
    "id" BIGSERIAL NOT NULL,
    "announcement_id" BIGINT NOT NULL,
    "unit_id" VARCHAR(80) NOT NULL,
    "unit_name" VARCHAR(300) NOT NULL,
    "message" VARCHAR(2000) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" VARCHAR(100),

    CONSTRAINT "announcement_recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" BIGSERIAL NOT NULL,
    "procedure_id" UUID,
    "dedupe_key" VARCHAR(300) NOT NULL,
    "channel" VARCHAR(20) NOT NULL,
    "kind" VARCHAR(30) NOT NULL,
    "recipient" VARCHAR(120) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "announcement_recipient_announcement_id_unit_id_key" ON "announcement_recipient"("announcement_id", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_dedupe_key_key" ON "notification"("dedupe_key");

-- CreateIndex
CREATE INDEX "notification_recipient_read_at_created_at_idx" ON "notification"("recipient", "read_at", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "decision_issuer_year_resolution_number_key" ON "decision"("issuer", "year", "resolution_number");

-- CreateIndex
CREATE INDEX "procedure_status_stalled_since_idx" ON "procedure"("status", "stalled_since");

-- CreateIndex
CREATE INDEX "procedure_status_due_at_idx" ON "procedure"("status", "due_at");

-- AddForeignKey
ALTER TABLE "announcement_recipient" ADD CONSTRAINT "announcement_recipient_announcement_id_fkey" FOREIGN KEY ("announcement_id") REFERENCES "announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
