import type { Kind } from '../kinds/define.ts';

/**
 * The canonical wire form of a record (rest-contract §2–§3): ObjectReference fields first, then the
 * Kind's fields in declaration order; nulls omitted, timestamps as RFC 3339 with milliseconds,
 * JSON-text fields as the compact text Postgres returned. REST responses, change events and watch
 * streams all use this one form.
 */

export const CANONICAL_BASE = '/api/ambient/v1';

export type WireObject = Record<string, unknown> & { id: string; kind: string; href: string };

export type Row = Record<string, unknown> & { id: string };

export function hrefOf(kind: Kind, id: string): string {
  return `${CANONICAL_BASE}/${kind.plural}/${id}`;
}

function wireValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

export function toWire(kind: Kind, row: Row): WireObject {
  const out: WireObject = {
    id: row.id,
    kind: kind.name,
    href: hrefOf(kind, row.id),
    created_at: wireValue(row['created_at']),
    updated_at: wireValue(row['updated_at']),
  };
  for (const field of kind.fields) {
    if (field.access === 'write-only') continue;
    const value = row[field.name];
    if (value !== null && value !== undefined) out[field.name] = wireValue(value);
  }
  return out;
}
