CREATE TABLE "scheduled_sessions" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "project_id" text NOT NULL,
    "name" text NOT NULL,
    "description" text,
    "agent_id" text,
    "schedule" text NOT NULL,
    "timezone" text NOT NULL DEFAULT 'UTC'::text,
    "enabled" boolean NOT NULL DEFAULT true,
    "session_prompt" text,
    "timeout" integer,
    "inactivity_timeout" integer,
    "stop_on_run_finished" boolean,
    "runner_type" text,
    "last_run_at" timestamp(3) with time zone,
    "next_run_at" timestamp(3) with time zone,
    CONSTRAINT "scheduled_sessions_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "sessions" ADD COLUMN "scheduled_session_id" text;

CREATE INDEX "scheduled_sessions_project_id_created_at_idx" ON "scheduled_sessions"("project_id", "created_at");

CREATE INDEX "scheduled_sessions_agent_id_idx" ON "scheduled_sessions"("agent_id");

CREATE INDEX "scheduled_sessions_next_run_at_idx" ON "scheduled_sessions"("next_run_at");

CREATE UNIQUE INDEX "scheduled_sessions_project_id_name_key" ON "scheduled_sessions"("project_id", "name") WHERE (deleted_at IS NULL);

CREATE INDEX "sessions_scheduled_session_id_idx" ON "sessions"("scheduled_session_id");

ALTER TABLE "scheduled_sessions" ADD CONSTRAINT "scheduled_sessions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "scheduled_sessions" ADD CONSTRAINT "scheduled_sessions_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_scheduled_session_id_fkey" FOREIGN KEY ("scheduled_session_id") REFERENCES "scheduled_sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
