ALTER TABLE "sessions" ADD COLUMN "agent_id" text;

CREATE INDEX "sessions_agent_id_idx" ON "sessions"("agent_id");

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
