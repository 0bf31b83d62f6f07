/*
  Warnings:

  - A unique constraint covering the columns `[dedupe_key]` on the table `audit_entry` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "audit_entry" ADD COLUMN     "dedupe_key" VARCHAR(200);

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_dedupe_key_key" ON "audit_entry"("dedupe_key");
