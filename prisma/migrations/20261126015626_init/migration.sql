CREATE TABLE "projects" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "name" text NOT NULL,
    "display_name" text,
    "description" text,
    "labels" jsonb,
    "annotations" jsonb,
    "status" text NOT NULL DEFAULT 'Active'::text,
    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "users" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "username" text NOT NULL,
    "name" text NOT NULL,
    "email" text,
    "groups" text[] NOT NULL DEFAULT '{}'::text[],
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "project_settings" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "project_id" text NOT NULL,
    "repositories" jsonb,
    CONSTRAINT "project_settings_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "agents" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "project_id" text NOT NULL,
    "name" text NOT NULL,
    "repo_url" text,
    "prompt" text,
    CONSTRAINT "agents_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "skills" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "project_id" text NOT NULL,
    "name" text NOT NULL,
    "repo_url" text,
    "prompt" text,
    CONSTRAINT "skills_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "tasks" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "project_id" text NOT NULL,
    "name" text NOT NULL,
    "repo_url" text,
    "prompt" text,
    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "workflows" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "project_id" text NOT NULL,
    "name" text NOT NULL,
    "repo_url" text,
    "branch" text,
    "path" text,
    "prompt" text,
    "agent_id" text,
    CONSTRAINT "workflows_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "workflow_skills" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "workflow_id" text NOT NULL,
    "skill_id" text NOT NULL,
    "position" integer NOT NULL DEFAULT 0,
    CONSTRAINT "workflow_skills_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "workflow_tasks" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "workflow_id" text NOT NULL,
    "task_id" text NOT NULL,
    "position" integer NOT NULL DEFAULT 0,
    CONSTRAINT "workflow_tasks_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "sessions" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "name" text NOT NULL,
    "prompt" text,
    "repo_url" text,
    "repos" jsonb,
    "interactive" boolean NOT NULL DEFAULT true,
    "timeout" integer NOT NULL DEFAULT 300,
    "llm_model" text NOT NULL DEFAULT 'sonnet'::text,
    "llm_temperature" double precision NOT NULL DEFAULT 0.7,
    "llm_max_tokens" integer NOT NULL DEFAULT 4000,
    "workflow_id" text,
    "assigned_user_id" text,
    "parent_session_id" text,
    "bot_account_name" text,
    "resource_overrides" jsonb,
    "environment_variables" jsonb,
    "labels" jsonb,
    "annotations" jsonb,
    "project_id" text NOT NULL,
    "created_by_user_id" text,
    "phase" text,
    "start_time" timestamp(3) with time zone,
    "completion_time" timestamp(3) with time zone,
    "sdk_session_id" text,
    "sdk_restart_count" integer NOT NULL DEFAULT 0,
    "conditions" jsonb,
    "reconciled_repos" jsonb,
    "reconciled_workflow" jsonb,
    "kube_cr_name" text NOT NULL,
    "kube_cr_uid" text,
    "kube_namespace" text,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "permissions" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "project_id" text NOT NULL,
    "subject_type" text NOT NULL,
    "subject_name" text NOT NULL,
    "role" text NOT NULL,
    CONSTRAINT "permissions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "repository_refs" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "project_id" text NOT NULL,
    "url" text NOT NULL,
    "name" text NOT NULL,
    "branch" text,
    "provider" text,
    "owner" text,
    "repo_name" text,
    CONSTRAINT "repository_refs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "project_keys" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "project_id" text NOT NULL,
    "name" text NOT NULL,
    "description" text,
    "role" text NOT NULL DEFAULT 'edit'::text,
    "expires_at" timestamp(3) with time zone,
    "created_by_user_id" text,
    "last_used_at" timestamp(3) with time zone,
    "secret_hash" character(64) NOT NULL,
    CONSTRAINT "project_keys_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "credentials" (
    "id" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "deleted_at" timestamp(3) with time zone,
    "user_id" text NOT NULL,
    "provider" text NOT NULL,
    "auth_type" text NOT NULL,
    "name" text NOT NULL,
    "description" text,
    "url" text,
    "email" text,
    "username" text,
    "installation_id" bigint,
    "scopes" text[],
    "expires_at" timestamp(3) with time zone,
    "last_used_at" timestamp(3) with time zone,
    "token_enc" text,
    "refresh_token_enc" text,
    CONSTRAINT "credentials_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "change_events" (
    "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    "kind" text NOT NULL,
    "object_id" text NOT NULL,
    "type" text NOT NULL,
    "project_id" text,
    "object" jsonb NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    CONSTRAINT "change_events_pkey" PRIMARY KEY ("seq")
);

CREATE TABLE "agui_events" (
    "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    "session_id" text NOT NULL,
    "thread_id" text,
    "run_id" text,
    "type" text NOT NULL,
    "payload" jsonb NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    CONSTRAINT "agui_events_pkey" PRIMARY KEY ("seq")
);

CREATE TABLE "agui_runs" (
    "session_id" text NOT NULL,
    "run_id" text NOT NULL,
    "thread_id" text,
    "parent_run_id" text,
    "status" text NOT NULL,
    "error" text,
    "started_at" timestamp(3) with time zone,
    "finished_at" timestamp(3) with time zone,
    "owner_instance" text,
    "heartbeat_at" timestamp(3) with time zone,
    "user_id" text,
    CONSTRAINT "agui_runs_pkey" PRIMARY KEY ("session_id", "run_id")
);

CREATE UNIQUE INDEX "projects_name_key" ON "projects"("name") WHERE (deleted_at IS NULL);

CREATE UNIQUE INDEX "users_username_key" ON "users"("username") WHERE (deleted_at IS NULL);

CREATE INDEX "project_settings_project_id_created_at_idx" ON "project_settings"("project_id", "created_at");

CREATE UNIQUE INDEX "project_settings_project_id_key" ON "project_settings"("project_id") WHERE (deleted_at IS NULL);

CREATE INDEX "agents_project_id_created_at_idx" ON "agents"("project_id", "created_at");

CREATE UNIQUE INDEX "agents_project_id_name_key" ON "agents"("project_id", "name") WHERE (deleted_at IS NULL);

CREATE INDEX "skills_project_id_created_at_idx" ON "skills"("project_id", "created_at");

CREATE UNIQUE INDEX "skills_project_id_name_key" ON "skills"("project_id", "name") WHERE (deleted_at IS NULL);

CREATE INDEX "tasks_project_id_created_at_idx" ON "tasks"("project_id", "created_at");

CREATE UNIQUE INDEX "tasks_project_id_name_key" ON "tasks"("project_id", "name") WHERE (deleted_at IS NULL);

CREATE INDEX "workflows_project_id_created_at_idx" ON "workflows"("project_id", "created_at");

CREATE INDEX "workflows_agent_id_idx" ON "workflows"("agent_id");

CREATE UNIQUE INDEX "workflows_project_id_name_key" ON "workflows"("project_id", "name") WHERE (deleted_at IS NULL);

CREATE INDEX "workflow_skills_workflow_id_idx" ON "workflow_skills"("workflow_id");

CREATE INDEX "workflow_skills_skill_id_idx" ON "workflow_skills"("skill_id");

CREATE UNIQUE INDEX "workflow_skills_workflow_id_skill_id_key" ON "workflow_skills"("workflow_id", "skill_id") WHERE (deleted_at IS NULL);

CREATE INDEX "workflow_tasks_workflow_id_idx" ON "workflow_tasks"("workflow_id");

CREATE INDEX "workflow_tasks_task_id_idx" ON "workflow_tasks"("task_id");

CREATE UNIQUE INDEX "workflow_tasks_workflow_id_task_id_key" ON "workflow_tasks"("workflow_id", "task_id") WHERE (deleted_at IS NULL);

CREATE INDEX "sessions_project_id_created_at_idx" ON "sessions"("project_id", "created_at");

CREATE INDEX "sessions_workflow_id_idx" ON "sessions"("workflow_id");

CREATE INDEX "sessions_assigned_user_id_idx" ON "sessions"("assigned_user_id");

CREATE INDEX "sessions_parent_session_id_idx" ON "sessions"("parent_session_id");

CREATE INDEX "sessions_created_by_user_id_idx" ON "sessions"("created_by_user_id");

CREATE INDEX "sessions_phase_idx" ON "sessions"("phase");

CREATE UNIQUE INDEX "sessions_kube_cr_name_key" ON "sessions"("kube_cr_name");

CREATE INDEX "permissions_project_id_created_at_idx" ON "permissions"("project_id", "created_at");

CREATE UNIQUE INDEX "permissions_project_id_subject_type_subject_name_key" ON "permissions"("project_id", "subject_type", "subject_name") WHERE (deleted_at IS NULL);

CREATE INDEX "repository_refs_project_id_created_at_idx" ON "repository_refs"("project_id", "created_at");

CREATE UNIQUE INDEX "repository_refs_project_id_name_key" ON "repository_refs"("project_id", "name") WHERE (deleted_at IS NULL);

CREATE INDEX "project_keys_project_id_created_at_idx" ON "project_keys"("project_id", "created_at");

CREATE INDEX "project_keys_created_by_user_id_idx" ON "project_keys"("created_by_user_id");

CREATE INDEX "credentials_user_id_idx" ON "credentials"("user_id");

CREATE UNIQUE INDEX "credentials_user_id_provider_key" ON "credentials"("user_id", "provider") WHERE (deleted_at IS NULL);

CREATE INDEX "change_events_created_at_idx" ON "change_events"("created_at");

CREATE INDEX "agui_events_session_id_seq_idx" ON "agui_events"("session_id", "seq");

CREATE INDEX "agui_events_session_id_run_id_seq_idx" ON "agui_events"("session_id", "run_id", "seq");

ALTER TABLE "project_settings" ADD CONSTRAINT "project_settings_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "agents" ADD CONSTRAINT "agents_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "skills" ADD CONSTRAINT "skills_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "tasks" ADD CONSTRAINT "tasks_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "workflows" ADD CONSTRAINT "workflows_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "workflows" ADD CONSTRAINT "workflows_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "workflow_skills" ADD CONSTRAINT "workflow_skills_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "workflow_skills" ADD CONSTRAINT "workflow_skills_skill_id_fkey" FOREIGN KEY ("skill_id") REFERENCES "skills"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "workflow_tasks" ADD CONSTRAINT "workflow_tasks_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "workflow_tasks" ADD CONSTRAINT "workflow_tasks_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_assigned_user_id_fkey" FOREIGN KEY ("assigned_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_parent_session_id_fkey" FOREIGN KEY ("parent_session_id") REFERENCES "sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "permissions" ADD CONSTRAINT "permissions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "repository_refs" ADD CONSTRAINT "repository_refs_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "project_keys" ADD CONSTRAINT "project_keys_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "project_keys" ADD CONSTRAINT "project_keys_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "credentials" ADD CONSTRAINT "credentials_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "agui_events" ADD CONSTRAINT "agui_events_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "agui_runs" ADD CONSTRAINT "agui_runs_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
