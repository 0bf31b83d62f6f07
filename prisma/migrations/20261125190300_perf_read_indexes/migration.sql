-- CreateIndex
CREATE INDEX "procedure_progress_idx" ON "procedure"("status", "ward_code", "current_step", "due_at", "stalled_since");

-- CreateIndex
CREATE INDEX "procedure_ward_code_created_at_id_idx" ON "procedure"("ward_code", "created_at", "id");

-- CreateIndex
CREATE INDEX "org_unit_officer_unit_id_valid_to_idx" ON "org_unit_officer"("unit_id", "valid_to");

-- Fresh statistics and visibility map for the planner and index-only scans (autovacuum may be off).
ANALYZE "procedure";
ANALYZE "org_unit_officer";
