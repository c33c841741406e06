import type pg from 'pg';
import type { Actor } from '../auth/actor.ts';
import type { SecretBox } from '../auth/secret-box.ts';
import { atLeast, NO_GRANTS, projectRole, readCondition } from '../auth/policy.ts';
import { isAlways, type Condition } from '../conditions/condition.ts';
import { holds, wireSubject } from '../conditions/evaluate.ts';
import { conditionSql, filterSql, type RowFilter } from '../conditions/sql.ts';
import { run, sql, type Queryable, type Sql } from '../db/sql.ts';
import { transaction, type Tx } from '../db/transaction.ts';
import type { Field, Kind } from '../kinds/define.ts';
import { kindNamed } from '../kinds/index.ts';
import type { Role } from '../kinds/rules.ts';
import type { WriteContext } from './behaviour.ts';
import { recordChange, type ChangeType } from './change-log.ts';
import { badRequest, conflict, forbidden, invalid, malformed, notFound } from './errors.ts';
import { parseCreate, parseUpdate, type Values } from './input.ts';
import { behaviourOf } from './kinds/index.ts';
import { ksuid } from './ksuid.ts';
import { findProjectId, projectOf, resolveProjectRef } from './projects.ts';
import { findLive, insert, page, softDelete, table, updateIfChanged, type Page } from './store.ts';
import { toWire, type Row } from './wire.ts';

/**
 * The operations every Kind has — create, get, list, update, delete — with the contract's rules,
 * shared by REST and GraphQL. Kind-specific rules live in the behaviours (src/domain/kinds/).
 *
 * Every write runs in one transaction: validation and foreign-key checks, the row, its cascades and
 * their change events commit together or not at all.
 */

export interface RequestContext {
  actor: Actor;
  /** The request's project scope (`X-Ambient-Project`): a project id or name. */
  projectScope?: string | undefined;
}

export interface OrderItem {
  field: string;
  direction: 'asc' | 'desc';
}

export interface ListOptions {
  /**
   * Which rows: a condition on queryable fields (REST `search`, GraphQL `where`, a route's own
   * filter), rendered by src/conditions/sql.ts. SQL over the row alias `t` only from domain code.
   */
  where?: RowFilter;
  orderBy?: readonly OrderItem[];
  page?: number;
  size?: number;
  /** Restrict to one project (`?project_id=`); wins over the request's project scope. */
  projectRef?: string;
}

export const MAX_PAGE_SIZE = 65500;

/** Rows of one project: a project-scoped row's `project_id`, a workflow member's workflow's project. */
const inProject = (projectId: string): Condition => ({ project: { ids: [projectId] } });

export interface DomainOptions {
  /** Encryption of secrets at rest; without it, writes that store a secret answer 503. */
  secrets?: SecretBox | undefined;
}

export class Domain {
  constructor(
    readonly pool: pg.Pool,
    private readonly options: DomainOptions = {},
  ) {}

  async create(ctx: RequestContext, kind: Kind, body: Record<string, unknown>): Promise<Row> {
    const values = parseCreate(kind, body, kind.field['project_id'] ? new Set(['project_id']) : undefined);
    return transaction(this.pool, (tx) => this.createValues(this.writeContext(tx, ctx.actor, kind), ctx, kind, values)).catch(mapDatabaseError(kind, values));
  }

  /**
   * Every rule of a POST — validation, the caller's role, references, the Kind's behaviour — inside
   * a transaction another operation opened (an agent's start creates its session this way).
   */
  async createIn(tx: Tx, ctx: RequestContext, kind: Kind, body: Record<string, unknown>): Promise<Row> {
    const values = parseCreate(kind, body, kind.field['project_id'] ? new Set(['project_id']) : undefined);
    return this.createValues(this.writeContext(tx, ctx.actor, kind), ctx, kind, values).catch(mapDatabaseError(kind, values));
  }

  private async createValues(c: WriteContext, ctx: RequestContext, kind: Kind, values: Values): Promise<Row> {
    const behaviour = behaviourOf(kind);
    const projectId = await this.authorizeCreate(c, ctx, values);
    await this.checkReferences(c, values, projectId);
    const id = behaviour.newId?.(values) ?? ksuid();
    await behaviour.authorize?.(c, 'create', undefined, values);
    await behaviour.prepareCreate?.(c, values, id, projectId);
    const row = await c.insert(kind, id, values);
    return (await behaviour.afterCreate?.(c, row, values)) ?? row;
  }

  /** The context behaviours work in: the transaction, the actor, and row writes that emit change events. */
  private writeContext(tx: Tx, actor: Actor, kind: Kind): WriteContext {
    const c: WriteContext = {
      tx,
      actor,
      kind,
      insert: async (k, id, values) => {
        const row = await insert(tx, k, id, storedOnly(k, values), behaviourOf(k).computed);
        await emit(tx, k, 'ADDED', row);
        return row;
      },
      update: async (k, id, values) => {
        const row = await updateIfChanged(tx, k, id, storedOnly(k, values), behaviourOf(k).computed);
        if (row) await emit(tx, k, 'MODIFIED', row);
        return row;
      },
      deleteWhere: async (k, where) => {
        const behaviour = behaviourOf(k);
        if (behaviour.cascadeDelete) {
          const doomed = await run<Row>(tx, sql`SELECT t.* FROM ${table(k)} t WHERE t.deleted_at IS NULL AND ${where} FOR UPDATE`);
          for (const row of doomed) await behaviour.cascadeDelete({ ...c, kind: k }, row);
        }
        const rows = await softDelete(tx, k, where, behaviour.deletedValues, behaviour.computed);
        for (const row of rows) await emit(tx, k, 'DELETED', row);
        return rows;
      },
      roleIn: (projectId) => projectRole(tx, actor, projectId),
      secrets: this.options.secrets,
    };
    return c;
  }

  async get(ctx: RequestContext, kind: Kind, id: string): Promise<Row> {
    const row = await findLive(this.pool, kind, id, { computed: behaviourOf(kind).computed });
    if (!row) throw notFound(kind.name, id);
    await this.authorizeRead(this.pool, ctx, kind, row);
    return row;
  }

  async list(ctx: RequestContext, kind: Kind, options: ListOptions = {}): Promise<Page & { page: number; size: number }> {
    return this.listOn(this.pool, ctx, kind, options);
  }

  /**
   * Every row matching `options`, read in one snapshot (REPEATABLE READ), with the change-log
   * positions that bound what they reflect: every change up to `head` and none after `through`.
   *
   * `position` must be a watermark of the change feed read before this call (ChangeFeed.position):
   * every change up to it had ended before the snapshot was taken, so the rows reflect all of them.
   * Writers commit out of `seq` order, so changes above it may be reflected too: `through` is the
   * highest `seq` the snapshot can see. src/live/snapshot.ts brings the rows forward to a single
   * position that covers them.
   */
  async snapshot(
    ctx: RequestContext,
    kind: Kind,
    options: Pick<ListOptions, 'where' | 'projectRef'>,
    position: number,
  ): Promise<{ head: number; through: number; rows: Row[] }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const head = position;
      const [newest] = await run<{ seq: string | null }>(client, sql`SELECT max(seq)::text AS seq FROM change_events WHERE seq > ${head}`);
      const through = newest?.seq ? Number(newest.seq) : head;
      const rows: Row[] = [];
      for (let page = 1; ; page++) {
        const result = await this.listOn(client, ctx, kind, { ...options, page, size: MAX_PAGE_SIZE });
        rows.push(...result.rows);
        if (result.rows.length < MAX_PAGE_SIZE) break;
      }
      await client.query('COMMIT');
      return { head, through, rows };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async listOn(db: Queryable, ctx: RequestContext, kind: Kind, options: ListOptions): Promise<Page & { page: number; size: number }> {
    const pageNumber = options.page ?? 1;
    const size = Math.min(options.size ?? 100, MAX_PAGE_SIZE);
    const orderBy = orderColumns(kind, options.orderBy ?? []);
    const conditions: Sql[] = [options.where ? filterSql(kind, options.where) : sql`true`];
    const visible = this.readableRows(ctx.actor, kind);
    if (visible) conditions.push(visible);
    const projectRef = options.projectRef ?? (kind.scope === 'project' || kind.scope === 'workflow' ? ctx.projectScope : undefined);
    if (projectRef !== undefined && (kind.scope === 'project' || kind.scope === 'workflow')) {
      const projectId = await findProjectId(db, projectRef);
      if (projectId === undefined) return { rows: [], total: 0, page: pageNumber, size };
      conditions.push(conditionSql(kind, inProject(projectId)));
    }
    const where = conditions.reduce((a, b) => sql`${a} AND ${b}`);
    const result = await page(db, kind, { where, orderBy, page: pageNumber, size, computed: behaviourOf(kind).computed });
    return { ...result, page: pageNumber, size };
  }

  async update(ctx: RequestContext, kind: Kind, id: string, body: Record<string, unknown>): Promise<Row> {
    const changes = parseUpdate(kind, body);
    const behaviour = behaviourOf(kind);
    return transaction(this.pool, async (tx) => {
      const c = this.writeContext(tx, ctx.actor, kind);
      const current = await this.lockForWrite(c, ctx, id, 'update');
      await behaviour.authorize?.(c, 'update', current, changes);
      await this.checkReferences(c, changes, await projectOf(tx, kind, current));
      await behaviour.prepareUpdate?.(c, current, changes);
      let row = (await c.update(kind, id, changes)) ?? current;
      row = (await behaviour.afterUpdate?.(c, row, changes)) ?? row;
      return row;
    }).catch(mapDatabaseError(kind, changes));
  }

  /**
   * A custom write on one live row (session actions and the like): in one transaction, the row is
   * locked, scoped and authorized (404 invisible / 403 below `role`), then `work` runs with the
   * write context. Row writes made through `c.update`/`c.insert` emit their change events.
   */
  async withLocked<T>(ctx: RequestContext, kind: Kind, id: string, role: Role, work: (c: WriteContext, row: Row) => Promise<T>): Promise<T> {
    return transaction(this.pool, async (tx) => {
      const c = this.writeContext(tx, ctx.actor, kind);
      const row = await findLive(tx, kind, id, { lock: true, computed: behaviourOf(kind).computed });
      if (!row) throw notFound(kind.name, id);
      const projectId = await projectOf(tx, kind, row);
      if (projectId !== undefined) await this.requireRole(tx, ctx, kind, id, projectId, role);
      else await this.authorizeRead(tx, ctx, kind, row);
      return work(c, row);
    });
  }

  async delete(ctx: RequestContext, kind: Kind, id: string): Promise<void> {
    await transaction(this.pool, async (tx) => {
      const c = this.writeContext(tx, ctx.actor, kind);
      const current = await this.lockForWrite(c, ctx, id, 'delete');
      await behaviourOf(kind).authorize?.(c, 'delete', current, {});
      await c.deleteWhere(kind, sql`t.id = ${id}`);
    });
  }

  // --- authorization -------------------------------------------------------------------------

  /** The rows of `kind` the actor may read, as a condition over alias `t` (undefined: all). */
  readableRows(actor: Actor, kind: Kind): Sql | undefined {
    const condition = readCondition(actor, kind);
    return isAlways(condition) ? undefined : conditionSql(kind, condition);
  }

  /** Refuses to show a row the caller may not read: 404 when invisible, 403 when visible but denied. */
  async authorizeRead(db: Queryable, ctx: RequestContext, kind: Kind, row: Row): Promise<void> {
    const projectId = await projectOf(db, kind, row);
    if (projectId !== undefined) return this.requireRole(db, ctx, kind, row.id, projectId, kind.roles.read);
    // A row without a project: the policy decides on the row alone.
    if (!holds(readCondition(ctx.actor, kind), wireSubject(row, undefined), NO_GRANTS)) throw notFound(kind.name, row.id);
  }

  private async requireRole(db: Queryable, ctx: RequestContext, kind: Kind, id: string, projectId: string, needed: Role): Promise<void> {
    const scoped = kind.scope === 'project' || kind.scope === 'workflow';
    if (scoped && ctx.projectScope !== undefined && (await findProjectId(db, ctx.projectScope)) !== projectId) throw notFound(kind.name, id);
    const role = await projectRole(db, ctx.actor, projectId);
    if (role === null) throw notFound(kind.name, id);
    if (!atLeast(role, needed)) throw forbidden();
  }

  private async lockForWrite(c: WriteContext, ctx: RequestContext, id: string, operation: 'update' | 'delete'): Promise<Row> {
    const row = await findLive(c.tx, c.kind, id, { lock: true, computed: behaviourOf(c.kind).computed });
    if (!row) throw notFound(c.kind.name, id);
    const projectId = await projectOf(c.tx, c.kind, row);
    if (projectId !== undefined) await this.requireRole(c.tx, ctx, c.kind, id, projectId, c.kind.roles[operation]);
    else await this.authorizeRead(c.tx, ctx, c.kind, row);
    return row;
  }

  /** Resolves and authorizes the project (or workflow) a new row belongs to. */
  private async authorizeCreate(c: WriteContext, ctx: RequestContext, values: Values): Promise<string | undefined> {
    const { kind } = c;
    if (kind.scope === 'project') {
      const ref = (values['project_id'] as string | null) ?? ctx.projectScope;
      if (ref === undefined || ref === null) throw malformed('no value given for required property project_id', 'project_id');
      // Key-share locked until COMMIT: a project DELETE (which takes the row FOR UPDATE) waits for
      // this create, or this create waits for it and then finds the project gone. Without the lock
      // a create that resolved the project just before its delete committed added a live child
      // to a deleted project (the foreign key alone does not see a soft delete).
      const projectId = (await lockLiveProject(c.tx, await resolveProjectRef(c.tx, ref))) ?? invalidProject(ref);
      const role = await projectRole(c.tx, c.actor, projectId);
      if (role === null) throw invalid(`project '${ref}' not found`, 'project_id');
      if (!atLeast(role, kind.roles.create)) throw forbidden();
      values['project_id'] = projectId;
      return projectId;
    }
    if (kind.scope === 'workflow') {
      const workflowId = values['workflow_id'] as string;
      const workflow = await lockReference(c.tx, kindNamed('Workflow'), workflowId);
      const role = workflow ? await projectRole(c.tx, c.actor, workflow['project_id'] as string) : null;
      if (!workflow || role === null) throw invalid(`workflow_id '${workflowId}' not found`, 'workflow_id');
      if (!atLeast(role, kind.roles.create)) throw forbidden();
      return workflow['project_id'] as string;
    }
    return undefined;
  }

  /** Every reference being written must name a live row the caller can see, in the same project where required. */
  private async checkReferences(c: WriteContext, values: Values, projectId: string | undefined): Promise<void> {
    for (const field of c.kind.fields) {
      const ref = field.references;
      const value = values[field.name];
      if (!ref || typeof value !== 'string' || field.name === 'project_id' || (c.kind.scope === 'workflow' && field.name === 'workflow_id')) continue;
      const target = kindNamed(ref.kind);
      const row = await lockReference(c.tx, target, value);
      if (!row) throw invalid(`${field.name} '${value}' not found`, field.name);
      if (ref.sameProject && row['project_id'] !== projectId) throw invalid(`${field.name} '${value}' not found`, field.name);
      const targetProject = await projectOf(c.tx, target, row);
      if (targetProject !== undefined && (await projectRole(c.tx, c.actor, targetProject)) === null) {
        throw invalid(`${field.name} '${value}' not found`, field.name);
      }
    }
  }
}

/** The project's id if it is still live, key-share locked so it cannot be deleted before this transaction commits. */
async function lockLiveProject(tx: Tx, id: string): Promise<string | undefined> {
  const rows = await run<{ id: string }>(tx, sql`SELECT id FROM projects WHERE id = ${id} AND deleted_at IS NULL FOR KEY SHARE`);
  return rows[0]?.id;
}

function invalidProject(ref: string): never {
  throw invalid(`project '${ref}' not found`, 'project_id');
}

/** A referenced live row, share-locked so it cannot be deleted before this transaction commits. */
async function lockReference(tx: Tx, kind: Kind, id: string): Promise<Row | undefined> {
  const rows = await run<Row>(tx, sql`SELECT t.* FROM ${table(kind)} t WHERE t.id = ${id} AND t.deleted_at IS NULL FOR SHARE`);
  return rows[0];
}

function orderColumns(kind: Kind, items: readonly OrderItem[]): { column: string; direction: 'asc' | 'desc' }[] {
  const order = items.map((item) => {
    if (!isQueryable(kind, item.field)) throw badRequest(`bad order value '${item.field}'`);
    return { column: item.field, direction: item.direction };
  });
  if (order.length === 0) order.push({ column: 'created_at', direction: 'asc' });
  if (!order.some((o) => o.column === 'id')) order.push({ column: 'id', direction: 'asc' });
  return order;
}

/** Fields usable in search and orderBy: the ObjectReference columns and the queryable declared fields. */
export function isQueryable(kind: Kind, name: string): boolean {
  return name === 'id' || name === 'created_at' || name === 'updated_at' || (kind.field[name]?.queryable ?? false);
}

export function queryableField(kind: Kind, name: string): Pick<Field, 'name' | 'wire' | 'column'> | undefined {
  if (name === 'id') return { name, wire: 'string', column: 'text' };
  if (name === 'created_at' || name === 'updated_at') return { name, wire: 'timestamp', column: 'timestamptz(3)' };
  const field = kind.field[name];
  return field?.queryable ? field : undefined;
}

/** The values that have columns (behaviours may carry others, such as a plaintext secret, until prepare). */
function storedOnly(kind: Kind, values: Values): Values {
  const stored: Values = {};
  for (const [key, value] of Object.entries(values)) if (kind.field[key]?.column || kind.internal[key]) stored[key] = value;
  return stored;
}

/** Records the change of one row; the event names the row's project (a workflow member's: its workflow's). */
async function emit(tx: Tx, kind: Kind, type: ChangeType, row: Row): Promise<void> {
  const projectId = (await projectOf(tx, kind, row)) ?? null;
  recordChange(tx, { type, object: toWire(kind, row), projectId });
}

/** Unique-index clashes become 409 with the contract's reason; anything else passes through. */
function mapDatabaseError(kind: Kind, values: Values): (error: unknown) => never {
  return (error) => {
    const e = error as { code?: string; constraint?: string };
    if (e.code === '23505' && e.constraint) {
      const unique = kind.unique.find((u) => `${kind.table}_${u.columns.join('_')}_key` === e.constraint);
      if (unique) throw conflict(`${kind.name} with ${unique.reports}='${String(values[unique.reports] ?? '')}' already exists`);
      // A Kind whose id derives from a field (a project's is its name) clashes on the primary key too.
      if (e.constraint === `${kind.table}_pkey` && kind.unique[0]) {
        const reports = kind.unique[0].reports;
        throw conflict(`${kind.name} with ${reports}='${String(values[reports] ?? '')}' already exists`);
      }
    }
    if (e.code === '23503') throw invalid(`a referenced object does not exist (${e.constraint ?? 'foreign key'})`);
    throw error;
  };
}
