import { ident, join, run, sql, type Queryable, type Sql } from '../db/sql.ts';
import { decidedAs } from '../kinds/define.ts';
import {
  PERMISSION_FIELDS,
  PROJECT_FIELDS,
  SESSION_FIELDS,
  type PermissionRow,
  type ProjectRow,
  type SessionRow,
  type SessionStatusColumns,
} from './projections.ts';

/**
 * What the reconciler reads from Postgres. Rows are read whether live or soft-deleted (a deleted
 * row tells it to delete what it produced), and joined rows likewise (runtime.md §b.3.2).
 *
 * The columns are the fields projections.ts decides to read, so a row has exactly its type's fields.
 */

/** `alias.column, …` for declared field names. */
const columns = (alias: 'p' | 's', names: readonly string[]): Sql =>
  join(
    names.map((name) => sql`${ident(alias)}.${ident(name)}`),
    ', ',
  );

const PROJECT_COLUMNS = columns('p', ['id', 'deleted_at', ...decidedAs(PROJECT_FIELDS, 'read')]);
const PERMISSION_COLUMNS = columns('p', ['id', 'deleted_at', ...decidedAs(PERMISSION_FIELDS, 'read')]);
const SESSION_COLUMNS = columns('s', ['id', 'deleted_at', ...decidedAs(SESSION_FIELDS, 'read'), ...decidedAs(SESSION_FIELDS, 'status')]);

export async function loadProject(db: Queryable, id: string): Promise<ProjectRow | undefined> {
  const [row] = await run<ProjectRow>(db, sql`SELECT ${PROJECT_COLUMNS}, p.former_id, p.namespace_seen_at FROM projects p WHERE p.id = ${id}`);
  return row;
}

export async function loadPermission(db: Queryable, id: string): Promise<(PermissionRow & { project_deleted_at: Date | null }) | undefined> {
  const [row] = await run<PermissionRow & { project_deleted_at: Date | null }>(
    db,
    sql`SELECT ${PERMISSION_COLUMNS}, pr.name AS project_name, pr.deleted_at AS project_deleted_at
          FROM permissions p JOIN projects pr ON pr.id = p.project_id WHERE p.id = ${id}`,
  );
  return row;
}

export type LoadedSession = SessionRow & SessionStatusColumns & { project_deleted_at: Date | null };

export async function loadSession(db: Queryable, id: string): Promise<LoadedSession | undefined> {
  const [row] = await run<LoadedSession>(
    db,
    sql`SELECT ${SESSION_COLUMNS}, pr.name AS project_name, pr.deleted_at AS project_deleted_at,
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

/** Keys of every row that should currently have a Kubernetes projection (the full resync), and deleted projects not yet retired. */
export async function projectedKeys(db: Queryable): Promise<string[]> {
  const rows = await run<{ key: string }>(
    db,
    sql`SELECT 'project:' || id AS key FROM projects WHERE deleted_at IS NULL OR id = name
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

/** Records that the project's namespace exists (made or adopted), once: from then on its name waits for the namespace on delete. */
export async function markNamespaceSeen(db: Queryable, id: string): Promise<void> {
  await run(db, sql`UPDATE projects SET namespace_seen_at = now() WHERE id = ${id} AND namespace_seen_at IS NULL`);
}
