-- Document sets and committee-term registers (issue 12): a ward's congresses (its committee terms), one register
-- per issuer, document type and term, and every issued document as a row of that register.

-- DropIndex: numbers restart with each committee term, so they repeat within a calendar year.
DROP INDEX "decision_issuer_doc_type_year_number_key";

-- DropIndex
DROP INDEX "decision_issuer_year_resolution_number_key";

-- AlterTable
ALTER TABLE "announcement_recipient" ADD COLUMN     "document_id" BIGINT,
ADD COLUMN     "document_symbol" VARCHAR(64);

-- AlterTable
ALTER TABLE "resolution_draft" ADD COLUMN     "documents" JSONB;

-- CreateTable
CREATE TABLE "ward_congress" (
    "ward_code" VARCHAR(64) NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "closed_on" DATE NOT NULL,

    CONSTRAINT "ward_congress_pkey" PRIMARY KEY ("ward_code","ordinal")
);

-- CreateTable
CREATE TABLE "document_register" (
    "issuer" VARCHAR(64) NOT NULL,
    "doc_type" VARCHAR(8) NOT NULL,
    "term" VARCHAR(16) NOT NULL,
    "last_number" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "document_register_pkey" PRIMARY KEY ("issuer","doc_type","term")
);

-- CreateTable
CREATE TABLE "issued_document" (
    "id" BIGSERIAL NOT NULL,
    "procedure_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "issuer" VARCHAR(64) NOT NULL,
    "doc_type" VARCHAR(8) NOT NULL,
    "term" VARCHAR(16) NOT NULL,
    "number" INTEGER NOT NULL,
    "symbol" VARCHAR(64) NOT NULL,
    "purpose" VARCHAR(20) NOT NULL,
    "unit_id" VARCHAR(80),
    "title" VARCHAR(600) NOT NULL,
    "recipients" JSONB NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "effective_date" DATE NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawn_by" VARCHAR(100),
    "withdrawn_reason" VARCHAR(2000),

    CONSTRAINT "issued_document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "decision_issuer_doc_type_year_number_idx" ON "decision"("issuer", "doc_type", "year", "number");

-- CreateIndex
CREATE INDEX "issued_document_issuer_issued_at_idx" ON "issued_document"("issuer", "issued_at");

-- CreateIndex
CREATE UNIQUE INDEX "issued_document_issuer_doc_type_term_number_key" ON "issued_document"("issuer", "doc_type", "term", "number");

-- CreateIndex
CREATE UNIQUE INDEX "issued_document_procedure_id_position_key" ON "issued_document"("procedure_id", "position");

-- AddForeignKey
ALTER TABLE "ward_congress" ADD CONSTRAINT "ward_congress_ward_code_fkey" FOREIGN KEY ("ward_code") REFERENCES "ward"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issued_document" ADD CONSTRAINT "issued_document_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A register number is at least 1, a register's last number never negative.
ALTER TABLE "issued_document" ADD CONSTRAINT "issued_document_number_check" CHECK ("number" >= 1);
ALTER TABLE "document_register" ADD CONSTRAINT "document_register_last_number_check" CHECK ("last_number" >= 0);
-- Withdrawn: all three marks together, with a reason.
ALTER TABLE "issued_document" ADD CONSTRAINT "issued_document_withdrawn_check"
  CHECK (("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL) AND ("withdrawn_at" IS NULL) = ("withdrawn_reason" IS NULL));

-- A register entry is never deleted and never rewritten: only the withdrawal mark may be set, once.
CREATE FUNCTION issued_document_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'issued_document % (%): a register entry is never deleted; withdraw it instead', OLD."id", OLD."symbol"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD."withdrawn_at" IS NOT NULL
     OR (NEW."procedure_id", NEW."position", NEW."issuer", NEW."doc_type", NEW."term", NEW."number", NEW."symbol",
         NEW."purpose", NEW."unit_id", NEW."title", NEW."recipients", NEW."issued_at", NEW."effective_date",
         NEW."text", NEW."html")
        IS DISTINCT FROM
        (OLD."procedure_id", OLD."position", OLD."issuer", OLD."doc_type", OLD."term", OLD."number", OLD."symbol",
         OLD."purpose", OLD."unit_id", OLD."title", OLD."recipients", OLD."issued_at", OLD."effective_date",
         OLD."text", OLD."html") THEN
    RAISE EXCEPTION 'issued_document % (%): only the withdrawal mark may be set, once', OLD."id", OLD."symbol"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER issued_document_keep BEFORE UPDATE OR DELETE ON "issued_document"
  FOR EACH ROW EXECUTE FUNCTION issued_document_keep();

-- The first congress of each new ward committee (Đại hội Đảng bộ … lần thứ Nhất, nhiệm kỳ 2025 - 2030) opens
-- its first term. The ward committees were appointed on 1 July 2025; the city planned their first congresses to
-- close by the end of August 2025: that day is seeded for every ward, registry data each ward office corrects
-- with its congress's real closing day (scripts/db/seed-wards.mjs seeds wards loaded later the same way).
INSERT INTO "ward_congress" ("ward_code", "ordinal", "name", "closed_on")
SELECT "code", 1,
       'Đại hội Đảng bộ ' || CASE "kind" WHEN 'phuong' THEN 'phường' ELSE 'xã' END || ' ' || "name"
         || ' lần thứ Nhất, nhiệm kỳ 2025 - 2030',
       DATE '2025-08-31'
FROM "ward"
ON CONFLICT DO NOTHING;
