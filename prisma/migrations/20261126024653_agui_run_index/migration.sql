CREATE INDEX "agui_runs_status_heartbeat_at_idx" ON "agui_runs"("status", "heartbeat_at");
