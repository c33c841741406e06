import type { EnumRef, ObjectRef } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type PrismaTypes from '../generated/pothos-types.ts';
import { notFound } from '../domain/errors.ts';
import type { Field, Kind, KindName } from '../kinds/define.ts';
import { builder, type Types } from './builder.ts';
import { isComputed } from './computed.ts';
import type { GraphqlContext } from './context.ts';
import { enumType } from './enums.ts';
import { kindQueryInputs, localId, type KindQueryInputs, type OrderItem } from './filters.ts';
import { asJsonObjects, jsonForm, objectType } from './json-types.ts';
import { kindInput, type KindInput } from './kind-fields.ts';

/**
 * What every Kind's generated GraphQL file (src/schema/<kind>.ts, see emit.ts) shares: typed
 * helpers for global ids, the visibility of related rows, JSON values, computed fields, the
 * inputs, and the write-then-reread of mutations.
 *
 * Reads go through Prisma, planned by the Prisma plugin from the selection so nested relations
 * load in a fixed number of statements; every read filters with the caller's ReadAccess.
 * Writes go through the domain layer (the same validation, authorization and change events as
 * REST); the result is then re-read with the selection.
 */

export { asEntries, asJsonObject, asJsonObjects, KeyValue } from './json-types.ts';

type Row = Record<string, unknown>;

export const DATABASE_ID = 'The id in the REST API, the AG-UI endpoints and the database (a KSUID; a project’s is its name); `id` is the GraphQL global id.';

export function globalId(typename: KindName, id: string): string {
  return encodeGlobalID(typename, id);
}

export function globalIdOrNull(typename: KindName, id: string | null): string | null {
  return id === null ? null : encodeGlobalID(typename, id);
}

/** A value the row must have (a NOT NULL column read as JSON). */
export function present<T>(value: T | null, field: string): T {
  if (value === null) throw new Error(`${field} has no valid stored value`);
  return value;
}

const fieldOf = (kind: Kind, name: string): Field => {
  const field = kind.field[name];
  if (!field) throw new Error(`${kind.name} has no field ${name}`);
  return field;
};

/** The enum of a Kind field with a closed set of values. */
export function enumOf(kind: Kind, name: string): EnumRef<Types, string, string> {
  const field = fieldOf(kind, name);
  return enumType(kind.name, field.name, field.enum!);
}

/** The object type of a JSON-text field (or of its items). */
export function jsonType(kind: Kind, name: string): ObjectRef<Types, Record<string, unknown>> {
  const form = jsonForm(kind.name, name, fieldOf(kind, name).shape!);
  if (form.form === 'map') throw new Error(`${kind.name}.${name} is a string map`);
  return objectType(form.type);
}

// --- visibility of rows reached through a reference --------------------------------------------

/** A row reached through a reference, or null when there is none or the caller may not see it. */
export function visible<T extends Row>(ctx: GraphqlContext, kind: Kind, row: T | null): T | null {
  return row && ctx.access.canRead(kind, row) ? row : null;
}

/** The row an owning reference points at; NotFound when the caller may not see it. */
export function visibleOrFail<T extends Row>(ctx: GraphqlContext, kind: Kind, row: T): T {
  if (!ctx.access.canRead(kind, row)) throw notFound(kind.name, String(row['id']));
  return row;
}

export function visibleAll<T extends Row>(ctx: GraphqlContext, kind: Kind, rows: readonly T[]): T[] {
  return rows.filter((row) => ctx.access.canRead(kind, row));
}

/** The conditions given, for an `AND` (absent ones left out). */
export function all<W>(...conditions: (W | undefined)[]): W[] {
  return conditions.filter((c): c is W => c !== undefined);
}

// --- computed fields ---------------------------------------------------------------------------

async function computed(ctx: GraphqlContext, kind: Kind, field: string, id: string): Promise<unknown> {
  if (!isComputed(kind, field)) throw new Error(`${kind.name}.${field} is not computed`);
  return ctx.computed.load(kind, field, id);
}

export async function computedText(ctx: GraphqlContext, kind: Kind, field: string, id: string): Promise<string | null> {
  const value = await computed(ctx, kind, field, id);
  return typeof value === 'string' ? value : null;
}

export async function computedFlag(ctx: GraphqlContext, kind: Kind, field: string, id: string): Promise<boolean | null> {
  const value = await computed(ctx, kind, field, id);
  return typeof value === 'boolean' ? value : null;
}

export async function computedJsonObjects(ctx: GraphqlContext, kind: Kind, field: string, id: string): Promise<Row[] | null> {
  const value = await computed(ctx, kind, field, id);
  return asJsonObjects(typeof value === 'string' ? JSON.parse(value) : value);
}

// --- inputs --------------------------------------------------------------------------------------

/** Kinds whose rows have a position are listed in position order by default. */
const defaultOrder = (kind: Kind): OrderItem[] => [{ field: kind.field['position'] ? 'position' : 'created_at', direction: 'asc' }];

const inputsByKind = new Map<string, KindQueryInputs>();

/** The `where`/`orderBy` inputs of the Kind stored as model `model`. */
export function queryInputs<N extends KindName & keyof PrismaTypes>(model: N, kind: Kind): KindQueryInputs<N> {
  const inputs = kindQueryInputs(model, kind, defaultOrder(kind));
  inputsByKind.set(kind.name, inputs);
  return inputs;
}

/** The inputs of a Kind, for code that handles Kinds generically (the subscriptions' filters). */
export function graphOf(kind: Kind): { inputs: KindQueryInputs } {
  const inputs = inputsByKind.get(kind.name);
  if (!inputs) throw new Error(`no GraphQL inputs for Kind ${kind.name}`);
  return { inputs };
}

const settable = (kind: Kind, mode: 'create' | 'update') =>
  kind.fields.filter((f) => f.access === 'writable' || f.access === 'write-only' || (mode === 'create' && f.access === 'immutable'));

export const createInput = (kind: Kind): KindInput => kindInput(`Create${kind.name}Input`, `A new ${kind.name}.`, kind, settable(kind, 'create'), true);

export const updateInput = (kind: Kind): KindInput =>
  kindInput(
    `Update${kind.name}Input`,
    `Changes to a ${kind.name}: only the fields given change; null clears a field (or restores its default).`,
    kind,
    settable(kind, 'update'),
    false,
  );

// --- mutations -----------------------------------------------------------------------------------

function decodedOrUndefined(id: string, kind: Kind): string | undefined {
  try {
    return localId(id, kind, 'id');
  } catch {
    return undefined;
  }
}

/** The local id in a global id of the Kind; undefined for an id of another Kind or none. */
export const decodedId = decodedOrUndefined;

/** The local id of the object a mutation acts on; an id of another Kind is unknown (404 code 7). */
export function targetId(id: string, kind: Kind): string {
  const local = decodedOrUndefined(id, kind);
  if (local === undefined) throw notFound(kind.name, id);
  return local;
}

/** Values only the write that produced them returns (a new project key's secret), by the row re-read after it. */
const writtenValues = new WeakMap<object, Row>();

export function writtenValue(row: object, field: string): string | null {
  const value = writtenValues.get(row)?.[field];
  return typeof value === 'string' ? value : null;
}

/**
 * The object a mutation wrote, re-read with the selection of the mutation field (`read`). The
 * caller's read access is refreshed first, since the write may have changed it (a new project's
 * admin).
 */
export async function reread<T extends object>(ctx: GraphqlContext, written: Row, read: (id: string) => Promise<T>): Promise<T> {
  await ctx.access.refresh();
  const row = await read(String(written['id']));
  writtenValues.set(row, written);
  return row;
}

export const DeletePayload = builder.objectRef<{ deletedId: string }>('DeletePayload').implement({
  description: 'The result of a delete: the global id of the object that no longer exists.',
  fields: (t) => ({ deletedId: t.exposeID('deletedId') }),
});

export async function deleted(ctx: GraphqlContext, kind: Kind, id: string): Promise<{ deletedId: string }> {
  await ctx.services.domain.delete(ctx.request, kind, targetId(id, kind));
  await ctx.access.refresh();
  return { deletedId: id };
}

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'The number of objects matching the filters, across all pages.',
    resolve: (connection) => (typeof connection.totalCount === 'function' ? connection.totalCount() : connection.totalCount),
  }),
);
