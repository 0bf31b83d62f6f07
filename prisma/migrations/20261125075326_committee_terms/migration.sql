-- AlterTable
ALTER TABLE "ward_committee_member" ADD COLUMN     "served_from" DATE NOT NULL DEFAULT '2025-07-01'::date,
ADD COLUMN     "served_to" DATE;
