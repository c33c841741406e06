import type { Condition } from '../conditions/condition.ts';
import { badRequest, invalid } from '../domain/errors.ts';
import { MAX_PAGE_SIZE, type OrderItem } from '../domain/service.ts';
import type { Kind } from '../kinds/define.ts';
import { parseOrderBy, searchCondition } from './search/index.ts';

/** The list parameters of rest-contract §6: page, size, search, orderBy, fields, project_id. */
export interface ListParams {
  page: number;
  size: number;
  where: Condition | undefined;
  orderBy: OrderItem[];
  /** Sparse fieldset: the wire fields to return besides `id`; undefined for full objects. */
  fields: string[] | undefined;
  projectRef: string | undefined;
}

const INTEGER = /^[+-]?\d+$/;

export function parseListParams(kind: Kind, query: URLSearchParams): ListParams {
  const pageText = query.get('page');
  const page = pageText === null ? 1 : INTEGER.test(pageText) ? Number(pageText) : NaN;
  if (!Number.isSafeInteger(page) || page < 1) throw badRequest('page must be an integer >= 1');
  const sizeText = query.get('size');
  const size = sizeText === null ? 100 : INTEGER.test(sizeText) ? Number(sizeText) : NaN;
  if (Number.isNaN(size) || size < 0) throw badRequest('size must be an integer >= 0');
  const projectRef = kind.scope === 'project' || kind.scope === 'workflow' ? (query.get('project_id') ?? undefined) : undefined;
  return {
    page,
    size: Math.min(size, MAX_PAGE_SIZE),
    where: searchCondition(kind, query.get('search') ?? ''),
    orderBy: parseOrderBy(kind, query.get('orderBy') ?? ''),
    fields: parseFields(kind, query.get('fields')),
    projectRef: projectRef === '' ? undefined : projectRef,
  };
}

/** Every field a response can carry, in wire order. */
export function readableFields(kind: Kind): string[] {
  return ['id', 'kind', 'href', 'created_at', 'updated_at', ...kind.fields.filter((f) => f.access !== 'write-only').map((f) => f.name)];
}

function parseFields(kind: Kind, fields: string | null): string[] | undefined {
  if (fields === null || fields.trim() === '') return undefined;
  const requested = [
    ...new Set(
      fields
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    ),
  ];
  const known = new Set(readableFields(kind));
  const unknown = requested.filter((f) => !known.has(f));
  if (unknown.length > 0) throw invalid(`The following field(s) doesn't exist in \`${kind.name}\`: ${unknown.join(', ')}`);
  return requested.filter((f) => f !== 'id');
}

/** An item of a sparse list: `id` and exactly the requested keys, null where the value is absent. */
export function sparse(object: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: object['id'] };
  for (const field of fields) out[field] = object[field] ?? null;
  return out;
}
