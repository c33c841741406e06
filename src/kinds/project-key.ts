import { defineKind } from './define.ts';
import { line, oneOf, ROLES, text, timestamp } from './rules.ts';
import { projectReference } from './shared.ts';

export const ProjectKey = defineKind({
  name: 'ProjectKey',
  plural: 'project_keys',
  scope: 'project',
  description: 'A project API key: a bearer secret acting with one role in one project. The secret is shown once.',
  fields: {
    project_id: projectReference('projectKeys'),
    name: { wire: 'string', required: true, rule: line(255), description: 'Name.' },
    description: { wire: 'string', rule: text(4096), description: 'Free text.' },
    role: {
      wire: 'string',
      access: 'immutable',
      default: 'edit',
      enum: ROLES,
      rule: oneOf(ROLES),
      description: 'Role of the key; at most the creator’s own role.',
    },
    expires_at: { wire: 'timestamp', access: 'immutable', rule: timestamp(), description: 'Expiry, in the future; absent: never expires.' },
    key: { wire: 'string', access: 'read-only', column: false, queryable: false, description: 'The secret: only in the response to POST, never again.' },
    created_by_user_id: {
      wire: 'string',
      access: 'read-only',
      references: { kind: 'User', relation: 'creator', inverse: 'projectKeys' },
      description: 'The user who created the key.',
    },
    last_used_at: { wire: 'timestamp', access: 'read-only', description: 'Last authentication with the key (at most once a minute).' },
  },
  internal: {
    secret_hash: { type: 'char(64)', notNull: true, description: 'SHA-256 of the full key, lower-case hex.' },
  },
  // Editors may PATCH and revoke only the keys they created (see the domain behaviour).
  roles: { read: 'edit', create: 'edit', update: 'edit', delete: 'edit' },
});
