import { defineKind } from './define.ts';
import { annotations, labels, line, projectName, text } from './rules.ts';

export const PROJECT_STATUSES = ['Active', 'Terminating'] as const;

export const Project = defineKind({
  name: 'Project',
  plural: 'projects',
  scope: 'global',
  description: 'A tenant; maps one-to-one to a Kubernetes namespace of the same name. Its id is its name.',
  fields: {
    name: {
      wire: 'string',
      required: true,
      access: 'immutable',
      rule: projectName(),
      description: 'DNS-1123 label; the namespace name. Immutable.',
      example: 'demo',
    },
    display_name: { wire: 'string', rule: line(255), description: 'Human-readable name.' },
    description: { wire: 'string', rule: text(4096), description: 'Free text.' },
    prompt: { wire: 'string', rule: text(65536), description: 'Standing instructions for every agent and session of the project (head-contract H1).' },
    labels: { wire: 'json-text', shape: labels(), description: 'JSON object of labels projected onto the namespace.' },
    annotations: { wire: 'json-text', shape: annotations(), description: 'JSON object of annotations projected onto the namespace.' },
    status: {
      wire: 'string',
      access: 'read-only',
      default: 'Active',
      enum: PROJECT_STATUSES,
      description: 'Active; a deleted project’s final state is Terminating.',
    },
  },
  internal: {
    former_id: {
      type: 'text',
      description: 'The KSUID the project had before ids became names (head-contract H1); namespaces labelled with it are still adopted.',
    },
    namespace_seen_at: {
      type: 'timestamptz(3)',
      description: 'When the reconciler first made or adopted the namespace; a deleted project that never had one frees its name at once.',
    },
  },
  unique: [{ columns: ['name'], reports: 'name' }],
  roles: { read: 'view', update: 'admin', delete: 'admin' },
});
