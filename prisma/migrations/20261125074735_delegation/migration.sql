-- CreateTable
CREATE TABLE "delegation" (
    "id" UUID NOT NULL,
    "from_user_id" VARCHAR(64) NOT NULL,
    "to_user_id" VARCHAR(64) NOT NULL,
    "ward_code" VARCHAR(64) NOT NULL,
    "role" VARCHAR(20) NOT NULL,
    "member_id" VARCHAR(64),
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_to" TIMESTAMPTZ(3) NOT NULL,
    "reason" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delegation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "delegation_to_user_id_valid_to_idx" ON "delegation"("to_user_id", "valid_to");

-- CreateIndex
CREATE INDEX "delegation_from_user_id_idx" ON "delegation"("from_user_id");
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_period_check" CHECK ("valid_to" > "valid_from");
