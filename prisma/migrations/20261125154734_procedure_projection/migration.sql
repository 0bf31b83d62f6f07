-- AlterTable
ALTER TABLE "procedure" ADD COLUMN     "decider_status" VARCHAR(20),
ADD COLUMN     "failure_code" VARCHAR(64),
ADD COLUMN     "failure_message" VARCHAR(2000),
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;
