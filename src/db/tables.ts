import type { ColumnType, Field, Kind } from '../kinds/define.ts';
import { KINDS, kindNamed } from '../kinds/index.ts';

/**
 * The database schema as data: every table, column, index and foreign key.
 *
 * Kind tables are derived from the Kind declarations; the few tables that are not Kinds (the change
 * log and the AG-UI store) are declared here. Three things are derived from this model, so they
 * cannot disagree: `prisma/schema.prisma`, the schema test that compares it with the migrated
 * database, and `npm run db:diff`, which prints the SQL a new migration needs.
 * Constraint names follow Prisma's conventions so Prisma's own migrate sees no drift.
 */

export interface Column {
  name: string;
  type: ColumnType;
  notNull: boolean;
  /** SQL default expression, as Postgres prints it back (`pg_get_expr`). */
  default?: string;
  /** `generated always as identity` (sequence columns). */
  identity?: boolean;
}

export interface Index {
  name: string;
  columns: readonly string[];
  unique: boolean;
  /** Partial index predicate, as Postgres prints it back. */
  where?: string;
}

export interface ForeignKey {
  name: string;
  column: string;
  table: string;
  /** Relation names for Prisma (and GraphQL): the field on this table and on the referenced one. */
  relation: string;
  inverse: string;
  /** Prisma relation name, unique in the schema. */
  relationName: string;
}

export interface Table {
  name: string;
  /** Prisma model name. */
  model: string;
  description: string;
  columns: readonly Column[];
  primaryKey: readonly string[];
  indexes: readonly Index[];
  foreignKeys: readonly ForeignKey[];
}

export const LIVE_ROWS = '(deleted_at IS NULL)';

export function sqlLiteral(value: string | number | boolean | readonly string[]): string {
  if (Array.isArray(value)) return value.length === 0 ? `'{}'::text[]` : `ARRAY[${value.map((v) => sqlLiteral(v)).join(', ')}]`;
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'::text`;
  return String(value);
}

function fieldColumn(field: Field): Column {
  return {
    name: field.name,
    type: field.column!,
    notNull: field.notNull,
    ...(field.default !== undefined ? { default: sqlLiteral(field.default) } : {}),
  };
}

const indexName = (table: string, columns: readonly string[], suffix: 'idx' | 'key') => `${table}_${columns.join('_')}_${suffix}`;

function kindTable(kind: Kind): Table {
  const columns: Column[] = [
    { name: 'id', type: 'text', notNull: true },
    { name: 'created_at', type: 'timestamptz(3)', notNull: true, default: 'now()' },
    { name: 'updated_at', type: 'timestamptz(3)', notNull: true, default: 'now()' },
    { name: 'deleted_at', type: 'timestamptz(3)', notNull: false },
    ...kind.fields.filter((f) => f.column).map(fieldColumn),
    ...Object.entries(kind.internal).map(([name, c]) => ({ name, type: c.type, notNull: c.notNull ?? false })),
  ];
  const indexes: Index[] = [
    ...kind.indexes.map((cols) => ({ name: indexName(kind.table, cols, 'idx'), columns: cols, unique: false })),
    ...kind.unique.map((u) => ({
      name: indexName(kind.table, u.columns, 'key'),
      columns: u.columns,
      unique: true,
      ...(u.includeDeleted ? {} : { where: LIVE_ROWS }),
    })),
  ];
  const foreignKeys = kind.fields
    .filter((f) => f.references)
    .map((f): ForeignKey => {
      const ref = f.references!;
      return {
        name: `${kind.table}_${f.name}_fkey`,
        column: f.name,
        table: kindNamed(ref.kind).table,
        relation: ref.relation,
        inverse: ref.inverse,
        relationName: `${kind.name}_${ref.relation}`,
      };
    });
  return { name: kind.table, model: kind.name, description: kind.description, columns, primaryKey: ['id'], indexes, foreignKeys };
}

const sessionEvents = (table: string, model: string, inverse: string): ForeignKey => ({
  name: `${table}_session_id_fkey`,
  column: 'session_id',
  table: 'sessions',
  relation: 'session',
  inverse,
  relationName: `${model}_session`,
});

/** Tables that are not Kinds. */
const INFRASTRUCTURE: readonly Table[] = [
  {
    name: 'change_events',
    model: 'ChangeEvent',
    description: 'One row per committed create, update or delete of any Kind (rest-contract §6.6).',
    columns: [
      { name: 'seq', type: 'bigint', notNull: true, identity: true },
      { name: 'kind', type: 'text', notNull: true },
      { name: 'object_id', type: 'text', notNull: true },
      { name: 'type', type: 'text', notNull: true },
      { name: 'project_id', type: 'text', notNull: false },
      { name: 'object', type: 'jsonb', notNull: true },
      { name: 'created_at', type: 'timestamptz(3)', notNull: true, default: 'now()' },
    ],
    primaryKey: ['seq'],
    indexes: [{ name: 'change_events_created_at_idx', columns: ['created_at'], unique: false }],
    foreignKeys: [],
  },
  {
    name: 'agui_events',
    model: 'AguiEvent',
    description: 'Every AG-UI event of every session, in one global sequence (runtime.md §a.4).',
    columns: [
      { name: 'seq', type: 'bigint', notNull: true, identity: true },
      { name: 'session_id', type: 'text', notNull: true },
      { name: 'thread_id', type: 'text', notNull: false },
      { name: 'run_id', type: 'text', notNull: false },
      { name: 'type', type: 'text', notNull: true },
      { name: 'payload', type: 'jsonb', notNull: true },
      { name: 'created_at', type: 'timestamptz(3)', notNull: true, default: 'now()' },
    ],
    primaryKey: ['seq'],
    indexes: [
      { name: 'agui_events_session_id_seq_idx', columns: ['session_id', 'seq'], unique: false },
      { name: 'agui_events_session_id_run_id_seq_idx', columns: ['session_id', 'run_id', 'seq'], unique: false },
    ],
    foreignKeys: [sessionEvents('agui_events', 'AguiEvent', 'aguiEvents')],
  },
  {
    name: 'agui_runs',
    model: 'AguiRun',
    description: 'One AG-UI run of a session, and which server instance owns its runner stream (runtime.md §a.4).',
    columns: [
      { name: 'session_id', type: 'text', notNull: true },
      { name: 'run_id', type: 'text', notNull: true },
      { name: 'thread_id', type: 'text', notNull: false },
      { name: 'parent_run_id', type: 'text', notNull: false },
      { name: 'status', type: 'text', notNull: true },
      { name: 'error', type: 'text', notNull: false },
      { name: 'started_at', type: 'timestamptz(3)', notNull: false },
      { name: 'finished_at', type: 'timestamptz(3)', notNull: false },
      { name: 'owner_instance', type: 'text', notNull: false },
      { name: 'heartbeat_at', type: 'timestamptz(3)', notNull: false },
      { name: 'user_id', type: 'text', notNull: false },
    ],
    primaryKey: ['session_id', 'run_id'],
    // The orphan sweep (runtime.md §a.5) looks for running rows with a stale heartbeat.
    indexes: [{ name: 'agui_runs_status_heartbeat_at_idx', columns: ['status', 'heartbeat_at'], unique: false }],
    foreignKeys: [sessionEvents('agui_runs', 'AguiRun', 'aguiRuns')],
  },
  {
    name: 'session_messages',
    model: 'SessionMessage',
    description: 'The message log of every session, in one global sequence (head-contract H5).',
    columns: [
      { name: 'seq', type: 'bigint', notNull: true, identity: true },
      { name: 'id', type: 'text', notNull: true },
      { name: 'session_id', type: 'text', notNull: true },
      { name: 'event_type', type: 'text', notNull: true },
      { name: 'payload', type: 'text', notNull: true },
      { name: 'created_at', type: 'timestamptz(3)', notNull: true, default: 'now()' },
    ],
    primaryKey: ['seq'],
    indexes: [
      { name: 'session_messages_id_key', columns: ['id'], unique: true },
      { name: 'session_messages_session_id_seq_idx', columns: ['session_id', 'seq'], unique: false },
    ],
    foreignKeys: [sessionEvents('session_messages', 'SessionMessage', 'messages')],
  },
  {
    name: 'credential_token_reads',
    model: 'CredentialTokenRead',
    description: 'One row per release of a credential’s secret through GET …/credentials/{id}/token (head-contract H7): who, which credential, when.',
    columns: [
      { name: 'seq', type: 'bigint', notNull: true, identity: true },
      { name: 'credential_id', type: 'text', notNull: true },
      { name: 'actor_type', type: 'text', notNull: true },
      { name: 'actor', type: 'text', notNull: true },
      { name: 'user_id', type: 'text', notNull: false },
      { name: 'project_id', type: 'text', notNull: false },
      { name: 'operation_id', type: 'text', notNull: false },
      { name: 'created_at', type: 'timestamptz(3)', notNull: true, default: 'now()' },
    ],
    primaryKey: ['seq'],
    indexes: [{ name: 'credential_token_reads_credential_id_created_at_idx', columns: ['credential_id', 'created_at'], unique: false }],
    foreignKeys: [],
  },
  {
    name: 'session_file_uploads',
    model: 'SessionFileUpload',
    description:
      'A file uploaded for a session before its pod runs (runtime.md §d row 5), in the embedded store: its object key, type and size; the bytes are in session_file_upload_chunks.',
    columns: [
      { name: 'key', type: 'text', notNull: true },
      { name: 'session_id', type: 'text', notNull: true },
      { name: 'content_type', type: 'text', notNull: true },
      { name: 'size', type: 'integer', notNull: true },
      { name: 'updated_at', type: 'timestamptz(3)', notNull: true, default: 'now()' },
    ],
    primaryKey: ['key'],
    indexes: [{ name: 'session_file_uploads_session_id_idx', columns: ['session_id'], unique: false }],
    foreignKeys: [],
  },
  {
    name: 'session_file_upload_chunks',
    model: 'SessionFileUploadChunk',
    description: 'The bytes of an embedded pre-upload in chunks of at most 1 MiB, so no one value is large; replaced whole with their file.',
    columns: [
      { name: 'key', type: 'text', notNull: true },
      { name: 'n', type: 'integer', notNull: true },
      { name: 'data', type: 'bytea', notNull: true },
    ],
    primaryKey: ['key', 'n'],
    indexes: [],
    foreignKeys: [],
  },
  {
    name: 'oauth_states',
    model: 'OAuthState',
    description: 'One started OAuth flow, keyed by the nonce of its signed state; single use, purged after 24 h (runtime.md §c.4).',
    columns: [
      { name: 'nonce', type: 'text', notNull: true },
      { name: 'user_id', type: 'text', notNull: true },
      { name: 'provider', type: 'text', notNull: true },
      { name: 'created_at', type: 'timestamptz(3)', notNull: true, default: 'now()' },
      { name: 'expires_at', type: 'timestamptz(3)', notNull: true },
      { name: 'consumed_at', type: 'timestamptz(3)', notNull: false },
      { name: 'pkce_verifier_enc', type: 'text', notNull: false },
      { name: 'session_id', type: 'text', notNull: false },
      { name: 'return_to', type: 'text', notNull: false },
      { name: 'result', type: 'text', notNull: false },
      { name: 'error', type: 'text', notNull: false },
      { name: 'error_description', type: 'text', notNull: false },
      { name: 'received_at', type: 'timestamptz(3)', notNull: false },
      { name: 'credential_id', type: 'text', notNull: false },
    ],
    primaryKey: ['nonce'],
    indexes: [{ name: 'oauth_states_created_at_idx', columns: ['created_at'], unique: false }],
    foreignKeys: [],
  },
];

/** Every table of the schema, referenced tables first. */
export const TABLES: readonly Table[] = [...KINDS.map(kindTable), ...INFRASTRUCTURE];
