import { z } from 'zod';
import { defineKind } from './define.ts';
import { branch, gitUrl, line, ROLES } from './rules.ts';

export const GroupAccess = z
  .strictObject({
    group_name: line(253)('group_name'),
    role: z.enum(ROLES, { error: 'role must be one of: admin, edit, view' }),
  })
  .meta({ id: 'GroupAccess', description: 'A group and its role in the project.' });

export const DefaultRepository = z
  .strictObject({
    url: gitUrl()('url'),
    branch: branch()('branch').optional(),
    provider: z.enum(['github', 'gitlab'], { error: 'provider must be one of: github, gitlab' }).optional(),
  })
  .meta({ id: 'DefaultRepository', description: 'A default repository of the project.' });

export const ProjectSettings = defineKind({
  name: 'ProjectSettings',
  plural: 'project_settings',
  scope: 'project',
  description: 'Per-project configuration; at most one per project.',
  fields: {
    project_id: {
      wire: 'string',
      required: true,
      access: 'immutable',
      references: { kind: 'Project', relation: 'project', inverse: 'settings' },
      description: 'Project id or name; taken from X-Ambient-Project when absent. Always the id in responses.',
    },
    group_access: {
      wire: 'json-text',
      column: false,
      shape: z.array(GroupAccess).check((ctx) => {
        const names = ctx.value.map((g) => g.group_name);
        const duplicate = names.find((n, i) => names.indexOf(n) !== i);
        if (duplicate !== undefined) ctx.issues.push({ code: 'custom', input: ctx.value, message: `group '${duplicate}' is listed twice` });
      }),
      description: 'JSON array of {group_name, role}: a view over the project’s group Permissions. Writing it makes them equal to the array.',
    },
    repositories: {
      wire: 'json-text',
      shape: z.array(DefaultRepository).max(100, 'at most 100 repositories'),
      description: 'JSON array (at most 100) of {url, branch?, provider?}.',
    },
  },
  unique: [{ columns: ['project_id'], reports: 'project_id' }],
  roles: { create: 'admin', update: 'admin', delete: 'admin' },
});
