-- CreateEnum
CREATE TYPE "WardKind" AS ENUM ('phuong', 'xa');

-- CreateEnum
CREATE TYPE "ProcedureStatus" AS ENUM ('running', 'completed', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "ProcedureStepName" AS ENUM ('review', 'draft_resolution', 'committee_approval', 'issue_decision', 'announce');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('in_progress', 'completed');

-- CreateEnum
CREATE TYPE "VoteChoice" AS ENUM ('approve', 'reject', 'abstain');

-- CreateTable
CREATE TABLE "ward" (
    "code" VARCHAR(64) NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "kind" "WardKind" NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ward_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ward_committee_member" (
    "id" VARCHAR(64) NOT NULL,
    "ward_code" VARCHAR(64) NOT NULL,
    "full_name" VARCHAR(200) NOT NULL,
    "position" VARCHAR(100) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ward_committee_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedure" (
    "id" UUID NOT NULL,
    "ward_code" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "title" VARCHAR(500) NOT NULL,
    "status" "ProcedureStatus" NOT NULL DEFAULT 'running',
    "current_step" "ProcedureStepName",
    "workflow_id" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "procedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedure_step" (
    "id" BIGSERIAL NOT NULL,
    "procedure_id" UUID NOT NULL,
    "step" "ProcedureStepName" NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "status" "StepStatus" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    "outcome" JSONB,

    CONSTRAINT "procedure_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote" (
    "id" BIGSERIAL NOT NULL,
    "procedure_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "voter_id" VARCHAR(64) NOT NULL,
    "choice" "VoteChoice" NOT NULL,
    "comment" VARCHAR(2000),
    "idempotency_key" VARCHAR(200) NOT NULL,
    "cast_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resolution_draft" (
    "id" BIGSERIAL NOT NULL,
    "procedure_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "resolution_draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision_register" (
    "issuer" VARCHAR(64) NOT NULL,
    "doc_type" VARCHAR(8) NOT NULL,
    "year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "decision_register_pkey" PRIMARY KEY ("issuer","doc_type","year")
);

-- CreateTable
CREATE TABLE "decision" (
    "id" BIGSERIAL NOT NULL,
    "procedure_id" UUID NOT NULL,
    "issuer" VARCHAR(64) NOT NULL,
    "doc_type" VARCHAR(8) NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "symbol" VARCHAR(64) NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "announcement" (
    "id" BIGSERIAL NOT NULL,
    "procedure_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "announcement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ward_ordinal_key" ON "ward"("ordinal");

-- CreateIndex
CREATE INDEX "ward_committee_member_ward_code_active_idx" ON "ward_committee_member"("ward_code", "active");

-- CreateIndex
CREATE UNIQUE INDEX "procedure_workflow_id_key" ON "procedure"("workflow_id");

-- CreateIndex
CREATE INDEX "procedure_ward_code_status_created_at_idx" ON "procedure"("ward_code", "status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "procedure_step_procedure_id_step_round_key" ON "procedure_step"("procedure_id", "step", "round");

-- CreateIndex
CREATE UNIQUE INDEX "vote_procedure_id_round_voter_id_key" ON "vote"("procedure_id", "round", "voter_id");

-- CreateIndex
CREATE UNIQUE INDEX "vote_procedure_id_idempotency_key_key" ON "vote"("procedure_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "resolution_draft_procedure_id_version_key" ON "resolution_draft"("procedure_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "decision_procedure_id_key" ON "decision"("procedure_id");

-- CreateIndex
CREATE UNIQUE INDEX "decision_issuer_doc_type_year_number_key" ON "decision"("issuer", "doc_type", "year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "announcement_procedure_id_key" ON "announcement"("procedure_id");

-- AddForeignKey
ALTER TABLE "ward_committee_member" ADD CONSTRAINT "ward_committee_member_ward_code_fkey" FOREIGN KEY ("ward_code") REFERENCES "ward"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procedure" ADD CONSTRAINT "procedure_ward_code_fkey" FOREIGN KEY ("ward_code") REFERENCES "ward"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procedure_step" ADD CONSTRAINT "procedure_step_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote" ADD CONSTRAINT "vote_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resolution_draft" ADD CONSTRAINT "resolution_draft_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "announcement" ADD CONSTRAINT "announcement_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
