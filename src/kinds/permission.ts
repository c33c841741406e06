import { defineKind } from './define.ts';
import { line, oneOf, ROLES } from './rules.ts';
import { projectReference } from './shared.ts';

export const SUBJECT_TYPES = ['user', 'group'] as const;

export const Permission = defineKind({
  name: 'Permission',
  plural: 'permissions',
  scope: 'project',
  description: 'A role in a project granted to a user or a group; the server’s authorization source.',
  fields: {
    project_id: projectReference('permissions'),
    subject_type: {
      wire: 'string',
      required: true,
      access: 'immutable',
      enum: SUBJECT_TYPES,
      rule: oneOf(SUBJECT_TYPES),
      normalize: (v) => v.toLowerCase(),
      description: 'user or group (accepted in any case, stored lower case).',
    },
    subject_name: { wire: 'string', required: true, access: 'immutable', rule: line(253), description: 'A username, or a group name.' },
    role: { wire: 'string', required: true, enum: ROLES, rule: oneOf(ROLES), description: 'admin, edit or view.' },
  },
  unique: [{ columns: ['project_id', 'subject_type', 'subject_name'], reports: 'subject_name' }],
  roles: { create: 'admin', update: 'admin', delete: 'admin' },
});
