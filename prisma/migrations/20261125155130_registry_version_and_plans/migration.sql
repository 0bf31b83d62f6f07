-- AlterTable
ALTER TABLE "resolution_draft" ADD COLUMN     "plan_id" BIGINT;

-- AlterTable
ALTER TABLE "ward" ADD COLUMN     "registry_version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "procedure_plan" (
    "id" BIGSERIAL NOT NULL,
    "procedure_id" UUID NOT NULL,
    "registry_version" INTEGER NOT NULL,
    "items_hash" VARCHAR(32) NOT NULL,
    "plan" JSONB NOT NULL,
    "planned_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "procedure_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote_round" (
    "procedure_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "draft_version" INTEGER NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "vote_round_pkey" PRIMARY KEY ("procedure_id","round")
);

-- CreateIndex
CREATE UNIQUE INDEX "procedure_plan_procedure_id_registry_version_items_hash_key" ON "procedure_plan"("procedure_id", "registry_version", "items_hash");

-- AddForeignKey
ALTER TABLE "resolution_draft" ADD CONSTRAINT "resolution_draft_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "procedure_plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procedure_plan" ADD CONSTRAINT "procedure_plan_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_round" ADD CONSTRAINT "vote_round_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The registry version of a ward: every statement that changes its units, their versions or their officers
-- bumps it in the same transaction, whoever writes (decisions, seed, import, tests). Statement-level triggers
-- with transition tables: one ward update per statement, not per row (the seed inserts thousands of rows).
-- PostgreSQL allows a transition table only on a single-event trigger, hence one trigger per event.
CREATE FUNCTION bump_registry_version_by_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ward" SET "registry_version" = "registry_version" + 1
  WHERE "code" IN (SELECT DISTINCT "ward_code" FROM changed_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION bump_registry_version_by_officer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ward" SET "registry_version" = "registry_version" + 1
  WHERE "code" IN (
    SELECT DISTINCT u."ward_code" FROM "org_unit" u JOIN changed_rows o ON o."unit_id" = u."id"
  );
  RETURN NULL;
END $$;

CREATE TRIGGER org_unit_inserted_bumps_registry AFTER INSERT ON "org_unit"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version_by_unit();
CREATE TRIGGER org_unit_updated_bumps_registry AFTER UPDATE ON "org_unit"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version_by_unit();
CREATE TRIGGER org_unit_deleted_bumps_registry AFTER DELETE ON "org_unit"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version_by_unit();

CREATE TRIGGER org_unit_version_inserted_bumps_registry AFTER INSERT ON "org_unit_version"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version_by_unit();
CREATE TRIGGER org_unit_version_updated_bumps_registry AFTER UPDATE ON "org_unit_version"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version_by_unit();
CREATE TRIGGER org_unit_version_deleted_bumps_registry AFTER DELETE ON "org_unit_version"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version_by_unit();

CREATE TRIGGER org_unit_officer_inserted_bumps_registry AFTER INSERT ON "org_unit_officer"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version_by_officer();
CREATE TRIGGER org_unit_officer_updated_bumps_registry AFTER UPDATE ON "org_unit_officer"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version_by_officer();
CREATE TRIGGER org_unit_officer_deleted_bumps_registry AFTER DELETE ON "org_unit_officer"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version_by_officer();
