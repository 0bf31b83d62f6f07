-- CreateIndex
CREATE INDEX "procedure_status_waiting_for_ward_code_due_at_idx" ON "procedure"("status", "waiting_for", "ward_code", "due_at");
