-- CreateEnum
CREATE TYPE "WardRole" AS ENUM ('secretary', 'reviewer');

-- CreateTable
CREATE TABLE "user_account" (
    "id" VARCHAR(64) NOT NULL,
    "username" VARCHAR(100) NOT NULL,
    "display_name" VARCHAR(200) NOT NULL,
    "password_hash" VARCHAR(300) NOT NULL,
    "supervisor" BOOLEAN NOT NULL DEFAULT false,
    "admin" BOOLEAN NOT NULL DEFAULT false,
    "member_id" VARCHAR(64),
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_ward_role" (
    "user_id" VARCHAR(64) NOT NULL,
    "ward_code" VARCHAR(64) NOT NULL,
    "role" "WardRole" NOT NULL,

    CONSTRAINT "user_ward_role_pkey" PRIMARY KEY ("user_id","ward_code","role")
);

-- CreateTable
CREATE TABLE "refresh_token" (
    "id" VARCHAR(64) NOT NULL,
    "user_id" VARCHAR(64) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "refresh_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" VARCHAR(64) NOT NULL,
    "role" VARCHAR(40) NOT NULL,
    "action" VARCHAR(60) NOT NULL,
    "procedure_id" UUID,
    "ward_code" VARCHAR(64),
    "before" JSONB,
    "after" JSONB,
    "client_address" VARCHAR(100),
    "request_id" VARCHAR(100),

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_account_username_key" ON "user_account"("username");

-- CreateIndex
CREATE UNIQUE INDEX "user_account_member_id_key" ON "user_account"("member_id");

-- CreateIndex
CREATE INDEX "user_ward_role_ward_code_role_idx" ON "user_ward_role"("ward_code", "role");

-- CreateIndex
CREATE UNIQUE INDEX "refresh_token_token_hash_key" ON "refresh_token"("token_hash");

-- CreateIndex
CREATE INDEX "refresh_token_user_id_idx" ON "refresh_token"("user_id");

-- CreateIndex
CREATE INDEX "audit_entry_procedure_id_at_idx" ON "audit_entry"("procedure_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_actor_id_at_idx" ON "audit_entry"("actor_id", "at");

-- AddForeignKey
ALTER TABLE "user_ward_role" ADD CONSTRAINT "user_ward_role_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refresh_token" ADD CONSTRAINT "refresh_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit trail is append-only, whatever the client.
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only';
END
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON "audit_entry"
FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
