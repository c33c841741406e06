ALTER TABLE "projects" ADD COLUMN "prompt" text;

ALTER TABLE "projects" ADD COLUMN "former_id" text;

ALTER TABLE "projects" ADD COLUMN "namespace_seen_at" timestamp(3) with time zone;

-- Projects by name (head-contract H1): every live project's id becomes its name, in this one
-- transaction. Every foreign key to projects is ON UPDATE CASCADE, so sessions, agents, inbox
-- messages, permissions, keys, settings, workflows, skills, tasks and repository refs follow the
-- new id (and AG-UI events and session messages hang off sessions, whose ids do not change). The
-- old id is kept in former_id: namespaces labelled with it are still adopted, then relabelled.
-- Deleted projects keep their KSUIDs: they are already retired, so their names are free.
UPDATE "projects" SET "former_id" = "id" WHERE "deleted_at" IS NULL AND "id" <> "name";
UPDATE "projects" SET "id" = "name" WHERE "deleted_at" IS NULL AND "former_id" IS NOT NULL;

-- The change log is not a foreign key: its project scope, the Project events' object ids and the
-- ids inside every recorded object move with the rows, so watches and resumes stay scoped right.
UPDATE "change_events" e SET "project_id" = p."id"
  FROM "projects" p WHERE p."former_id" IS NOT NULL AND e."project_id" = p."former_id";
UPDATE "change_events" e
   SET "object_id" = p."id",
       "object" = jsonb_set(jsonb_set(e."object", '{id}', to_jsonb(p."id")), '{href}', to_jsonb('/api/ambient/v1/projects/' || p."id"))
  FROM "projects" p WHERE p."former_id" IS NOT NULL AND e."kind" = 'Project' AND e."object_id" = p."former_id";
UPDATE "change_events" e SET "object" = jsonb_set(e."object", '{project_id}', to_jsonb(p."id"))
  FROM "projects" p WHERE p."former_id" IS NOT NULL AND e."object" ? 'project_id' AND e."object" ->> 'project_id' = p."former_id";
