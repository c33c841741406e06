import { run, sql, type Queryable } from '../db/sql.ts';
import type { PermissionRow, ProjectRow, SessionRow } from './projections.ts';

/**
 * What the reconciler reads from Postgres. Rows are read whether live or soft-deleted (a deleted
 * row tells it to delete what it produced), and joined rows likewise (runtime.md §b.3.2).
 */

export async function loadProject(db: Queryable, id: string): Promise<ProjectRow | undefined> {
  const [row] = await run<ProjectRow>(db, sql`SELECT id, name, display_name, description, labels, annotations, deleted_at FROM projects WHERE id = ${id}`);
  return row;
}

export async function loadPermission(db: Queryable, id: string): Promise<(PermissionRow & { project_deleted_at: Date | null }) | undefined> {
  const [row] = await run<PermissionRow & { project_deleted_at: Date | null }>(
    db,
    sql`SELECT p.id, p.project_id, pr.name AS project_name, p.subject_type, p.subject_name, p.role, p.deleted_at, pr.deleted_at AS project_deleted_at
          FROM permissions p JOIN projects pr ON pr.id = p.project_id WHERE p.id = ${id}`,
  );
  return row;
}

export interface SessionStatusColumns {
  start_time: Date | null;
  completion_time: Date | null;
  sdk_session_id: string | null;
  sdk_restart_count: number;
  conditions: string | null;
  reconciled_repos: string | null;
  reconciled_workflow: string | null;
}

export type LoadedSession = SessionRow & SessionStatusColumns & { project_deleted_at: Date | null };

export async function loadSession(db: Queryable, id: string): Promise<LoadedSession | undefined> {
  const [row] = await run<LoadedSession>(
    db,
    sql`SELECT s.id, s.project_id, pr.name AS project_name, pr.deleted_at AS project_deleted_at, s.name, s.prompt, s.repo_url, s.repos,
               s.interactive, s.timeout, s.llm_model, s.llm_temperature, s.llm_max_tokens, s.bot_account_name,
               s.resource_overrides, s.environment_variables, s.labels, s.annotations, s.phase, s.kube_cr_name,
               s.kube_namespace, s.kube_cr_uid, s.deleted_at, s.start_time, s.completion_time, s.sdk_session_id,
               s.sdk_restart_count, s.conditions, s.reconciled_repos, s.reconciled_workflow,
               w.repo_url AS workflow_repo_url, w.branch AS workflow_branch, w.path AS workflow_path,
               u.username AS creator_username, u.name AS creator_name, u.groups AS creator_groups,
               parent.kube_cr_name AS parent_cr_name
          FROM sessions s
          JOIN projects pr ON pr.id = s.project_id
          LEFT JOIN workflows w ON w.id = s.workflow_id
          LEFT JOIN users u ON u.id = s.created_by_user_id
          LEFT JOIN sessions parent ON parent.id = s.parent_session_id
         WHERE s.id = ${id}`,
  );
  return row;
}

/** Keys of every row that should currently have a Kubernetes projection (the full resync). */
export async function projectedKeys(db: Queryable): Promise<string[]> {
  const rows = await run<{ key: string }>(
    db,
    sql`SELECT 'project:' || id AS key FROM projects WHERE deleted_at IS NULL
        UNION ALL SELECT 'permission:' || id FROM permissions WHERE deleted_at IS NULL
        UNION ALL SELECT 'session:' || id FROM sessions WHERE deleted_at IS NULL AND phase IS NOT NULL`,
  );
  return rows.map((r) => r.key);
}

/** Live, started sessions that project a workflow or a user (their CRs embed it). */
export async function sessionsReferencing(db: Queryable, column: 'workflow_id' | 'created_by_user_id', id: string): Promise<string[]> {
  const rows = await run<{ id: string }>(
    db,
    column === 'workflow_id'
      ? sql`SELECT id FROM sessions WHERE workflow_id = ${id} AND deleted_at IS NULL AND phase IS NOT NULL`
      : sql`SELECT id FROM sessions WHERE created_by_user_id = ${id} AND deleted_at IS NULL AND phase IS NOT NULL`,
  );
  return rows.map((r) => r.id);
}
