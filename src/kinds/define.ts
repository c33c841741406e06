import type { z } from 'zod';
import type { Role, Rule } from './rules.ts';

/**
 * The vocabulary in which every Kind is declared, once.
 *
 * A Kind's declaration (see the files next to this one) is the single source of truth for its
 * fields: the Postgres columns and `prisma/schema.prisma`, request validation, the REST wire shape
 * and OpenAPI document, TSL search and orderBy allow-lists, and the GraphQL types are all derived
 * from it. Nothing else lists a Kind's fields.
 */

/** JSON type of a field on the REST wire. `json-text` is a string holding JSON (rest-contract §2). */
export type WireType = 'string' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'json-text' | 'string-array';

export type ColumnType = 'text' | 'integer' | 'bigint' | 'double precision' | 'boolean' | 'timestamptz(3)' | 'jsonb' | 'text[]' | 'char(64)' | 'bytea';

/**
 * Who may write a field.
 * - `writable`: POST and PATCH.
 * - `immutable`: POST only; ignored on PATCH.
 * - `read-only`: set by the server; tolerated and ignored in bodies.
 * - `status`: read-only for data writes, written by the session status path.
 * - `write-only`: accepted in bodies, never returned (secrets).
 */
export type Access = 'writable' | 'immutable' | 'read-only' | 'status' | 'write-only';

export type KindName =
  | 'Session'
  | 'Project'
  | 'ProjectSettings'
  | 'User'
  | 'Agent'
  | 'Skill'
  | 'Task'
  | 'Workflow'
  | 'WorkflowSkill'
  | 'WorkflowTask'
  | 'Permission'
  | 'RepositoryRef'
  | 'ProjectKey'
  | 'Credential'
  | 'InboxMessage'
  | 'ScheduledSession';

export interface Reference {
  /** The referenced Kind. */
  kind: KindName;
  /** The referenced row must belong to the same project as the referencing one. */
  sameProject?: boolean;
  /** Name of the relation field on this Kind (GraphQL, Prisma), e.g. `workflow` for `workflow_id`. */
  relation: string;
  /** Name of the inverse relation on the referenced Kind, e.g. `sessions`. */
  inverse: string;
}

export interface FieldSpec {
  wire: WireType;
  description: string;
  /** Required on POST (non-null). */
  required?: boolean;
  access?: Access;
  /** Usable in `search` and `orderBy`. Defaults to true for stored scalar fields. */
  queryable?: boolean;
  /** Value applied on POST when absent or null, and restored by PATCH null. Also the column default. */
  default?: string | number | boolean | readonly string[];
  /** The column is NOT NULL although the field has no default (the server always sets it). */
  notNull?: boolean;
  /** Column type when it differs from the wire type's natural column. `false`: not stored. */
  column?: ColumnType | false;
  /** Value rule (400 code 8), applied after the wire type check (400 code 17). */
  rule?: Rule;
  /** Shape of a `json-text` field's JSON value. */
  shape?: z.ZodType;
  /** Closed set of values, also published as an enum in OpenAPI and GraphQL. */
  enum?: readonly string[];
  references?: Reference;
  /** Canonical form of a string input before validation; null means "absent" (e.g. `''` → default). */
  normalize?: (value: string) => string | null;
  example?: unknown;
}

/** The role a caller needs in the project for each operation on a project- or workflow-scoped Kind. */
export interface Roles {
  read: Role;
  create: Role;
  update: Role;
  delete: Role;
}

/** A stored column that never appears on the wire (hashes, ciphertexts). */
export interface InternalColumn {
  type: ColumnType;
  notNull?: boolean;
  description: string;
}

export interface UniqueSpec {
  columns: readonly string[];
  /** The field named in the 409 reason `<Kind> with <field>='<value>' already exists`. */
  reports: string;
  /** Unique among all rows, deleted ones included (default: among live rows only). */
  includeDeleted?: boolean;
}

/** How a Kind is scoped (rest-contract §5.3). */
export type Scope = 'project' | 'workflow' | 'user' | 'global';

export interface KindSpec<F extends Record<string, FieldSpec> = Record<string, FieldSpec>> {
  name: KindName;
  /** Collection name: the REST path segment and the table name. */
  plural: string;
  scope: Scope;
  description: string;
  fields: F;
  internal?: Record<string, InternalColumn>;
  unique?: readonly UniqueSpec[];
  /** Extra indexes; `(project_id, created_at)` and one per reference are added for every Kind that has them. */
  indexes?: readonly (readonly string[])[];
  /** Roles needed per operation (runtime.md §c.5); default view to read, edit to write. */
  roles?: Partial<Roles>;
}

/** A declared field with every default resolved, as the derived layers consume it. */
export interface Field extends Required<Pick<FieldSpec, 'wire' | 'description' | 'required' | 'access' | 'queryable'>> {
  name: string;
  /** Column type, or undefined when the field is not stored. */
  column: ColumnType | undefined;
  /** NOT NULL in the database. */
  notNull: boolean;
  default: FieldSpec['default'];
  rule: Rule | undefined;
  shape: z.ZodType | undefined;
  enum: readonly string[] | undefined;
  references: Reference | undefined;
  normalize: ((value: string) => string | null) | undefined;
  example: unknown;
}

export interface Kind<F extends Record<string, FieldSpec> = Record<string, FieldSpec>> {
  name: KindName;
  plural: string;
  table: string;
  scope: Scope;
  description: string;
  /** The Kind's own fields in declaration order (without the ObjectReference fields). */
  fields: readonly Field[];
  field: Record<string, Field>;
  internal: Readonly<Record<string, InternalColumn>>;
  unique: readonly UniqueSpec[];
  indexes: readonly (readonly string[])[];
  roles: Roles;
  /** Typing aid only: the declared field specs. */
  readonly specs: F;
}

const NATURAL_COLUMN: Record<WireType, ColumnType> = {
  string: 'text',
  integer: 'integer',
  number: 'double precision',
  boolean: 'boolean',
  timestamp: 'timestamptz(3)',
  'json-text': 'jsonb',
  'string-array': 'text[]',
};

const SCALAR_WIRE: ReadonlySet<WireType> = new Set(['string', 'integer', 'number', 'boolean', 'timestamp']);

export function defineKind<const F extends Record<string, FieldSpec>>(spec: KindSpec<F>): Kind<F> {
  const fields = Object.entries(spec.fields).map(([name, f]): Field => {
    const column = f.column === false ? undefined : (f.column ?? NATURAL_COLUMN[f.wire]);
    const access = f.access ?? 'writable';
    return {
      name,
      wire: f.wire,
      description: f.description,
      required: f.required ?? false,
      access,
      queryable: f.queryable ?? (column !== undefined && SCALAR_WIRE.has(f.wire) && access !== 'write-only'),
      column,
      notNull: column !== undefined && (f.required === true || f.default !== undefined || f.notNull === true),
      default: f.default,
      rule: f.rule,
      shape: f.shape,
      enum: f.enum,
      references: f.references,
      normalize: f.normalize,
      example: f.example,
    };
  });
  const indexes: (readonly string[])[] = [];
  if (spec.fields['project_id']) indexes.push(['project_id', 'created_at']);
  for (const f of fields) if (f.references && f.name !== 'project_id') indexes.push([f.name]);
  indexes.push(...(spec.indexes ?? []));
  return {
    name: spec.name,
    plural: spec.plural,
    table: spec.plural,
    scope: spec.scope,
    description: spec.description,
    fields,
    field: Object.fromEntries(fields.map((f) => [f.name, f])),
    internal: spec.internal ?? {},
    unique: spec.unique ?? [],
    indexes: dedupe(indexes),
    roles: { read: 'view', create: 'edit', update: 'edit', delete: 'edit', ...spec.roles },
    specs: spec.fields,
  };
}

function dedupe(indexes: (readonly string[])[]): (readonly string[])[] {
  const seen = new Set<string>();
  return indexes.filter((cols) => {
    const key = cols.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The ObjectReference fields every Kind has (rest-contract §3.1). */
export const BASE_COLUMNS = ['id', 'created_at', 'updated_at', 'deleted_at'] as const;

type WireValue<S extends FieldSpec> = S extends { enum: readonly (infer E extends string)[] }
  ? E
  : S['wire'] extends 'integer' | 'number'
    ? number
    : S['wire'] extends 'boolean'
      ? boolean
      : S['wire'] extends 'timestamp'
        ? Date
        : S['wire'] extends 'string-array'
          ? string[]
          : string;

type Stored<F extends Record<string, FieldSpec>> = {
  [K in keyof F as F[K] extends { column: false } ? never : K]: F[K] extends { required: true } | { default: unknown } | { notNull: true }
    ? WireValue<F[K]>
    : WireValue<F[K]> | null;
};

/**
 * A row of a Kind as the domain layer hands it around: base columns plus every stored field.
 * `json-text` fields hold compact JSON text exactly as Postgres returns it; timestamps are Dates;
 * a field with a closed set of values has that union as its type.
 */
export type RecordOf<K extends Kind> = { id: string; created_at: Date; updated_at: Date; deleted_at: Date | null } & Stored<K['specs']>;

// --- typed records and per-field decisions -----------------------------------------------------

/** The names of a Kind's declared fields. */
export type FieldName<K extends Kind> = keyof K['specs'] & string;

/** A declared field's access, `writable` when the declaration leaves it out. */
export type AccessOf<S> = S extends { access: infer A extends Access } ? A : 'writable';

/** The Kind's fields declared with one of the accesses `A`, e.g. its status fields. */
export type FieldsWithAccess<K extends Kind, A extends Access> = {
  [N in FieldName<K>]: AccessOf<K['specs'][N]> extends A ? N : never;
}[FieldName<K>];

/** The fields a POST accepts: everything but what the server sets (`read-only`, `status`). */
export type InputField<K extends Kind> = FieldsWithAccess<K, 'writable' | 'immutable' | 'write-only'>;

/** The Kind's status fields, written by its status path only. */
export type StatusField<K extends Kind> = FieldsWithAccess<K, 'status'>;

/** The Kind's fields declared with one of `access`, in declaration order. */
export function fieldsWithAccess<K extends Kind, const A extends Access>(kind: K, ...access: A[]): FieldsWithAccess<K, A>[] {
  return kind.fields.filter((f) => (access as Access[]).includes(f.access)).map((f) => f.name as FieldsWithAccess<K, A>);
}

/**
 * One decision for each of `Names` (a Kind's fields, or a subset such as its input fields), as an
 * object the compiler checks with `satisfies`: a missing field or an unknown one does not compile.
 * Every place that handles a Kind's rows states what it does with each field this way, so adding a
 * field to a declaration makes `tsc` point at each place that must decide about it.
 */
export type Decisions<Names extends string, D extends string> = { readonly [N in Names]: D };

/** The names a decision map decides as `V`. */
export type DecidedAs<M, V> = { [N in keyof M]: M[N] extends V ? N : never }[keyof M] & string;

/** The names a decision map decides as `value`, in the map's order. */
export function decidedAs<M extends Readonly<Record<string, string>>, const V extends M[keyof M]>(decisions: M, value: V): DecidedAs<M, V>[] {
  return Object.keys(decisions).filter((name) => decisions[name] === value) as DecidedAs<M, V>[];
}
