import { sql } from '../../db/sql.ts';
import { Permission, ProjectSettings } from '../../kinds/index.ts';
import { findLive, type Computed } from '../store.ts';
import type { Behaviour, WriteContext } from '../behaviour.ts';
import type { Row } from '../wire.ts';
import { ksuid } from '../ksuid.ts';

/**
 * ProjectSettings.group_access is a view over the project's group Permissions (one source of truth
 * for access): read from them, and writing it makes them equal to the array.
 */
const computed: Computed = {
  // json (not jsonb) keeps the keys in the contract's order: group_name, then role.
  group_access: sql`(SELECT coalesce(json_agg(json_build_object('group_name', p.subject_name, 'role', p.role) ORDER BY p.subject_name), '[]'::json)
                       FROM permissions p WHERE p.project_id = t.project_id AND p.subject_type = 'group' AND p.deleted_at IS NULL)`,
};

interface GroupGrant {
  group_name: string;
  role: string;
}

async function syncGroupPermissions(c: WriteContext, row: Row, groupAccess: string | null): Promise<Row> {
  const wanted = JSON.parse(groupAccess ?? '[]') as GroupGrant[];
  const projectId = row['project_id'] as string;
  const existing = (
    await c.tx.query<{ id: string; subject_name: string; role: string }>(
      `SELECT id, subject_name, role FROM permissions WHERE project_id = $1 AND subject_type = 'group' AND deleted_at IS NULL FOR UPDATE`,
      [projectId],
    )
  ).rows;
  for (const grant of wanted) {
    const have = existing.find((p) => p.subject_name === grant.group_name);
    if (!have) await c.insert(Permission, ksuid(), { project_id: projectId, subject_type: 'group', subject_name: grant.group_name, role: grant.role });
    else if (have.role !== grant.role) await c.update(Permission, have.id, { role: grant.role });
  }
  const dropped = existing.filter((p) => !wanted.some((g) => g.group_name === p.subject_name)).map((p) => p.id);
  if (dropped.length > 0) await c.deleteWhere(Permission, sql`t.id = ANY(${dropped}::text[])`);
  return (await findLive(c.tx, ProjectSettings, row.id, { computed }))!;
}

export const projectSettingsBehaviour: Behaviour = {
  computed,

  async afterCreate(c, row, values) {
    if (values['group_access'] !== undefined) return syncGroupPermissions(c, row, values['group_access'] as string);
  },

  async afterUpdate(c, row, changes) {
    // PATCH with group_access: null means "no group access", as "[]" does.
    if ('group_access' in changes) return syncGroupPermissions(c, row, changes['group_access'] as string | null);
  },
};
