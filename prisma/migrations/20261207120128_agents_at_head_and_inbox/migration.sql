CREATE TABLE "inbox_messages" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "project_id" text NOT NULL,
    "agent_id" text NOT NULL,
    "from_agent_id" text,
    "from_name" text,
    "body" text NOT NULL,
    "read" boolean NOT NULL DEFAULT false,
    CONSTRAINT "inbox_messages_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "agents" ADD COLUMN "display_name" text;

ALTER TABLE "agents" ADD COLUMN "description" text;

ALTER TABLE "agents" ADD COLUMN "parent_agent_id" text;

ALTER TABLE "agents" ADD COLUMN "owner_user_id" text;

ALTER TABLE "agents" ADD COLUMN "workflow_id" text;

ALTER TABLE "agents" ADD COLUMN "llm_model" text NOT NULL DEFAULT 'sonnet'::text;

ALTER TABLE "agents" ADD COLUMN "llm_temperature" double precision NOT NULL DEFAULT 0.7;

ALTER TABLE "agents" ADD COLUMN "llm_max_tokens" integer NOT NULL DEFAULT 4000;

ALTER TABLE "agents" ADD COLUMN "bot_account_name" text;

ALTER TABLE "agents" ADD COLUMN "resource_overrides" jsonb;

ALTER TABLE "agents" ADD COLUMN "environment_variables" jsonb;

ALTER TABLE "agents" ADD COLUMN "labels" jsonb;

ALTER TABLE "agents" ADD COLUMN "annotations" jsonb;

CREATE INDEX "agents_parent_agent_id_idx" ON "agents"("parent_agent_id");

CREATE INDEX "agents_owner_user_id_idx" ON "agents"("owner_user_id");

CREATE INDEX "agents_workflow_id_idx" ON "agents"("workflow_id");

CREATE INDEX "inbox_messages_project_id_created_at_idx" ON "inbox_messages"("project_id", "created_at");

CREATE INDEX "inbox_messages_agent_id_idx" ON "inbox_messages"("agent_id");

CREATE INDEX "inbox_messages_from_agent_id_idx" ON "inbox_messages"("from_agent_id");

CREATE INDEX "inbox_messages_agent_id_read_created_at_idx" ON "inbox_messages"("agent_id", "read", "created_at");

ALTER TABLE "agents" ADD CONSTRAINT "agents_parent_agent_id_fkey" FOREIGN KEY ("parent_agent_id") REFERENCES "agents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "agents" ADD CONSTRAINT "agents_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "agents" ADD CONSTRAINT "agents_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_from_agent_id_fkey" FOREIGN KEY ("from_agent_id") REFERENCES "agents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
