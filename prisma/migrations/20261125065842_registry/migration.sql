-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('ward_committee', 'legacy_committee', 'grassroots_committee', 'grassroots_cell', 'subordinate_cell');

-- CreateEnum
CREATE TYPE "UnitSetting" AS ENUM ('administrative', 'residential_group', 'village', 'school', 'health_station', 'agency', 'public_service_unit', 'enterprise', 'cooperative', 'credit_fund', 'mixed');

-- CreateEnum
CREATE TYPE "UnitStatus" AS ENUM ('active', 'dissolved');

-- CreateEnum
CREATE TYPE "OfficerRole" AS ENUM ('secretary', 'deputy_secretary', 'committee_member');

-- CreateTable
CREATE TABLE "org_unit" (
    "id" VARCHAR(80) NOT NULL,
    "ward_code" VARCHAR(64) NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "setting" "UnitSetting" NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "name_key" VARCHAR(300) NOT NULL,
    "live_name_key" VARCHAR(300),
    "search_key" VARCHAR(300) NOT NULL,
    "parent_id" VARCHAR(80),
    "full_members" INTEGER NOT NULL,
    "status" "UnitStatus" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_unit_version" (
    "id" BIGSERIAL NOT NULL,
    "unit_id" VARCHAR(80) NOT NULL,
    "ward_code" VARCHAR(64) NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "kind" "UnitKind" NOT NULL,
    "setting" "UnitSetting" NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "parent_id" VARCHAR(80),
    "full_members" INTEGER NOT NULL,
    "status" "UnitStatus" NOT NULL,
    "change" VARCHAR(32),
    "decision_ref" VARCHAR(200),

    CONSTRAINT "org_unit_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_unit_officer" (
    "id" BIGSERIAL NOT NULL,
    "unit_id" VARCHAR(80) NOT NULL,
    "person_name" VARCHAR(200) NOT NULL,
    "role" "OfficerRole" NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "decision_ref" VARCHAR(200),

    CONSTRAINT "org_unit_officer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_unit_lineage" (
    "id" BIGSERIAL NOT NULL,
    "predecessor_id" VARCHAR(80) NOT NULL,
    "successor_id" VARCHAR(80) NOT NULL,
    "change" VARCHAR(32) NOT NULL,
    "effective_date" DATE NOT NULL,
    "decision_ref" VARCHAR(200),

    CONSTRAINT "org_unit_lineage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "org_unit_ward_code_status_idx" ON "org_unit"("ward_code", "status");

-- CreateIndex
CREATE INDEX "org_unit_ward_code_search_key_idx" ON "org_unit"("ward_code", "search_key");

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_parent_id_live_name_key_key" ON "org_unit"("parent_id", "live_name_key");

-- CreateIndex
CREATE INDEX "org_unit_version_unit_id_valid_from_idx" ON "org_unit_version"("unit_id", "valid_from");

-- CreateIndex
CREATE INDEX "org_unit_version_ward_code_valid_from_valid_to_idx" ON "org_unit_version"("ward_code", "valid_from", "valid_to");

-- CreateIndex
CREATE INDEX "org_unit_officer_unit_id_valid_from_idx" ON "org_unit_officer"("unit_id", "valid_from");

-- CreateIndex
CREATE INDEX "org_unit_lineage_successor_id_idx" ON "org_unit_lineage"("successor_id");

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_lineage_predecessor_id_successor_id_key" ON "org_unit_lineage"("predecessor_id", "successor_id");

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_ward_code_fkey" FOREIGN KEY ("ward_code") REFERENCES "ward"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_version" ADD CONSTRAINT "org_unit_version_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_officer" ADD CONSTRAINT "org_unit_officer_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_lineage" ADD CONSTRAINT "org_unit_lineage_predecessor_id_fkey" FOREIGN KEY ("predecessor_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_lineage" ADD CONSTRAINT "org_unit_lineage_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Checks the database enforces itself (Prisma's schema language has no CHECK, so they live here).
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_full_members_check" CHECK ("full_members" >= 0);
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_not_own_parent_check" CHECK ("parent_id" IS NULL OR "parent_id" <> "id");
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_live_name_key_check" CHECK (("status" = 'active') = ("live_name_key" IS NOT NULL));
ALTER TABLE "org_unit_version" ADD CONSTRAINT "org_unit_version_period_check" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from");
ALTER TABLE "org_unit_version" ADD CONSTRAINT "org_unit_version_full_members_check" CHECK ("full_members" >= 0);
ALTER TABLE "org_unit_officer" ADD CONSTRAINT "org_unit_officer_period_check" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from");
ALTER TABLE "decision_register" ADD CONSTRAINT "decision_register_last_number_check" CHECK ("last_number" >= 0);
ALTER TABLE "decision" ADD CONSTRAINT "decision_number_check" CHECK ("number" >= 1);
