import { run, sql, type Queryable } from '../db/sql.ts';
import type { Kind } from '../kinds/define.ts';
import { PROJECT_NAME_PATTERN } from '../kinds/rules.ts';
import { invalid } from './errors.ts';
import { KSUID_PATTERN } from './ksuid.ts';
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
