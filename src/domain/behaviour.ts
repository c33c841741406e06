import type { Actor } from '../auth/actor.ts';
import type { SecretBox } from '../auth/secret-box.ts';
import type { Tx } from '../db/transaction.ts';
import type { Sql } from '../db/sql.ts';
import type { Kind } from '../kinds/define.ts';
import type { Role } from '../kinds/rules.ts';
import type { Values } from './input.ts';
import type { Computed } from './store.ts';
import type { Row } from './wire.ts';

/**
 * What a Kind does beyond the generic rules: derived values, cascades, computed fields, extra
 * authorization. Each Kind with such rules has one module in `src/domain/kinds/`; the generic
 * service (service.ts) calls these hooks at fixed points of every operation.
 */

/** Everything a hook may use: the open transaction and who is acting. */
export interface WriteContext {
  tx: Tx;
  actor: Actor;
  /** The Kind being written. */
  kind: Kind;
  /** Row writes that emit their change event (for rows a hook creates, changes or deletes). */
  insert(kind: Kind, id: string, values: Values): Promise<Row>;
  update(kind: Kind, id: string, values: Values): Promise<Row | undefined>;
  /** Soft-deletes matching live rows (alias `t`) with their own cascades. */
  deleteWhere(kind: Kind, where: Sql): Promise<Row[]>;
  /** The actor's role in a project, inside this transaction. */
  roleIn(projectId: string): Promise<Role | null>;
  /** Encryption of secrets at rest; undefined when no key is configured. */
  secrets: SecretBox | undefined;
}

export interface Behaviour {
  /** Computed fields, selected with every row. */
  computed?: Computed;
  /** The id of a new row, when the Kind does not use a fresh KSUID (a project's id is its name). */
  newId?(values: Values): string;
  /**
   * Before insert: fill server-derived values, check cross-field rules. `id` is the new row's id.
   * `projectId` is the resolved project of a project- or workflow-scoped row.
   */
  prepareCreate?(c: WriteContext, values: Values, id: string, projectId: string | undefined): Promise<void>;
  /** After insert, in the same transaction. May return the row re-read when the hook changed what it shows. */
  afterCreate?(c: WriteContext, row: Row, values: Values): Promise<Row | undefined>;
  /** Before update: `changes` holds only the keys the caller set; add derived ones. */
  prepareUpdate?(c: WriteContext, current: Row, changes: Values): Promise<void>;
  /** After the update statement (also when nothing stored changed). May return the row re-read. */
  afterUpdate?(c: WriteContext, row: Row, changes: Values): Promise<Row | undefined>;
  /** Before the row is soft-deleted: delete what hangs off it (each with its own change event). */
  cascadeDelete?(c: WriteContext, row: Row): Promise<void>;
  /** Extra column values written with the soft delete (its final state). */
  deletedValues?: Values;
  /** Authorization beyond the Kind's roles; throw to refuse. */
  authorize?(c: WriteContext, operation: 'create' | 'update' | 'delete', row: Row | undefined, values: Values): Promise<void>;
}
