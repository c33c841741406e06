import { run, sql, type Queryable } from '../db/sql.ts';
import type { Kind } from '../kinds/define.ts';
import { PROJECT_NAME_PATTERN } from '../kinds/rules.ts';
import { invalid } from './errors.ts';
import { KSUID_PATTERN, ksuid } from './ksuid.ts';
import type { Row } from './wire.ts';

/** The project a row belongs to, for project- and workflow-scoped Kinds (and projects themselves). */
export async function projectOf(db: Queryable, kind: Kind, row: Row): Promise<string | undefined> {
  if (kind.scope === 'project') return row['project_id'] as string;
  if (kind.name === 'Project') return row.id;
  if (kind.scope === 'workflow') {
    const rows = await run<{ project_id: string }>(db, sql`SELECT project_id FROM workflows WHERE id = ${row['workflow_id']}`);
    return rows[0]?.project_id;
  }
  return undefined;
}

/** A project reference (id or name) among live projects; 400 code 8 when malformed or unknown. */
export async function resolveProjectRef(db: Queryable, ref: string): Promise<string> {
  const id = await findProjectId(db, ref);
  if (id === undefined) throw invalid(`project '${ref}' not found`, 'project_id');
  return id;
}

/** A live project's id by id or name; undefined when there is none. Malformed references are 400 code 8. */
export async function findProjectId(db: Queryable, ref: string): Promise<string | undefined> {
  const isName = ref.length >= 2 && ref.length <= 63 && PROJECT_NAME_PATTERN.test(ref);
  if (!KSUID_PATTERN.test(ref) && !isName) throw invalid('invalid project_id format', 'project_id');
  const rows = await run<{ id: string }>(
    db,
    sql`SELECT id FROM projects WHERE deleted_at IS NULL AND (id = ${ref} OR name = ${ref}) ORDER BY (id = ${ref}) DESC LIMIT 1`,
  );
  return rows[0]?.id;
}

/**
 * Frees a deleted project's name (head-contract H1): the row keeps its history under a fresh KSUID
 * (foreign keys follow through ON UPDATE CASCADE) and the change log's project scope moves with it,
 * so a new project of the same name neither clashes with it nor replays its events to its watchers.
 * Only ever called for a deleted row whose namespace is gone (or never existed); returns whether it
 * retired one.
 */
export async function retireDeletedProject(db: Queryable, name: string): Promise<boolean> {
  const tombstone = ksuid();
  const rows = await run<{ id: string }>(db, sql`UPDATE projects SET id = ${tombstone} WHERE id = ${name} AND deleted_at IS NOT NULL RETURNING id`);
  if (rows.length === 0) return false;
  await run(db, sql`UPDATE change_events SET project_id = ${tombstone} WHERE project_id = ${name}`);
  await run(db, sql`UPDATE change_events SET object_id = ${tombstone} WHERE kind = 'Project' AND object_id = ${name}`);
  return true;
}
