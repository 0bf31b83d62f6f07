-- CreateEnum
CREATE TYPE "AdminImportJobStatus" AS ENUM ('running', 'done', 'rejected');

-- CreateEnum
CREATE TYPE "AdminImportRowStatus" AS ENUM ('pending', 'valid', 'invalid', 'applied');

-- CreateTable
CREATE TABLE "admin_import_job" (
    "id" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "dry_run" BOOLEAN NOT NULL,
    "created_by" VARCHAR(64) NOT NULL,
    "audit" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "idempotency_key" VARCHAR(200),
    "status" "AdminImportJobStatus" NOT NULL DEFAULT 'running',
    "stage" VARCHAR(20) NOT NULL DEFAULT 'checking',
    "total" INTEGER NOT NULL,
    "file_problems" JSONB NOT NULL DEFAULT '[]',
    "reveal_key" TEXT,
    "finished_at" TIMESTAMPTZ(3),
    "lease_until" TIMESTAMPTZ(3),

    CONSTRAINT "admin_import_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_import_row" (
    "job_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "input" JSONB NOT NULL,
    "status" "AdminImportRowStatus" NOT NULL DEFAULT 'pending',
    "problems" JSONB NOT NULL DEFAULT '[]',
    "result" JSONB,
    "password_hash" VARCHAR(300),
    "password_sealed" TEXT,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "admin_import_row_pkey" PRIMARY KEY ("job_id","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "admin_import_job_idempotency_key_key" ON "admin_import_job"("idempotency_key");

-- CreateIndex
CREATE INDEX "admin_import_job_created_at_idx" ON "admin_import_job"("created_at");

-- AddForeignKey
ALTER TABLE "admin_import_row" ADD CONSTRAINT "admin_import_row_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "admin_import_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
