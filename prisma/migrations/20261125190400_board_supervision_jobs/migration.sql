-- CreateEnum
CREATE TYPE "SupervisionJobStatus" AS ENUM ('running', 'done');

-- CreateEnum
CREATE TYPE "SupervisionJobItemStatus" AS ENUM ('pending', 'ok', 'failed');

-- CreateTable
CREATE TABLE "supervision_job" (
    "id" UUID NOT NULL,
    "action" VARCHAR(20) NOT NULL,
    "filter" JSONB NOT NULL,
    "reason" VARCHAR(2000),
    "created_by" VARCHAR(64) NOT NULL,
    "audit" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "idempotency_key" VARCHAR(200),
    "status" "SupervisionJobStatus" NOT NULL DEFAULT 'running',
    "total" INTEGER NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "lease_until" TIMESTAMPTZ(3),

    CONSTRAINT "supervision_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_job_item" (
    "job_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "procedure_id" UUID NOT NULL,
    "status" "SupervisionJobItemStatus" NOT NULL DEFAULT 'pending',
    "code" VARCHAR(64),
    "message" VARCHAR(2000),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "supervision_job_item_pkey" PRIMARY KEY ("job_id","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "supervision_job_idempotency_key_key" ON "supervision_job"("idempotency_key");

-- CreateIndex
CREATE INDEX "supervision_job_created_at_idx" ON "supervision_job"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "supervision_job_item_job_id_procedure_id_key" ON "supervision_job_item"("job_id", "procedure_id");

-- CreateIndex
CREATE INDEX "procedure_status_completed_at_idx" ON "procedure"("status", "completed_at");

-- AddForeignKey
ALTER TABLE "supervision_job_item" ADD CONSTRAINT "supervision_job_item_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "supervision_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
