import type { Queryable } from '../db/sql.ts';
import { behaviourOf } from '../domain/kinds/index.ts';
import { computedValues } from '../domain/store.ts';
import type { Kind } from '../kinds/define.ts';

/**
 * Computed fields (ProjectSettings.group_access, Credential.has_token) are SQL expressions that
 * the Kind's domain behaviour defines; GraphQL evaluates the same expressions, so the two protocols
 * cannot disagree. Requests for one field of one Kind made while a query resolves are batched into
 * one statement per field, however many objects ask.
 */
export class ComputedFields {
  private readonly batches = new Map<
    string,
    { kind: Kind; field: string; waiting: Map<string, ((value: unknown) => void)[]>; failed: ((e: unknown) => void)[] }
  >();

  constructor(private readonly db: Queryable) {}

  /** The computed value of `field` for the row `id` of `kind`. */
  load(kind: Kind, field: string, id: string): Promise<unknown> {
    const key = `${kind.name}.${field}`;
    let batch = this.batches.get(key);
    if (!batch) {
      batch = { kind, field, waiting: new Map(), failed: [] };
      this.batches.set(key, batch);
      setImmediate(() => void this.flush(key));
    }
    const current = batch;
    return new Promise((resolve, reject) => {
      current.waiting.set(id, [...(current.waiting.get(id) ?? []), resolve]);
      current.failed.push(reject);
    });
  }

  private async flush(key: string): Promise<void> {
    const batch = this.batches.get(key)!;
    this.batches.delete(key);
    const expression = behaviourOf(batch.kind).computed![batch.field]!;
    try {
      const values = await computedValues(this.db, batch.kind, expression, [...batch.waiting.keys()]);
      for (const [id, resolvers] of batch.waiting) for (const resolve of resolvers) resolve(values.get(id) ?? null);
    } catch (error) {
      for (const reject of batch.failed) reject(error);
    }
  }
}

/** Whether `field` of `kind` is a computed field (an expression, not a column). */
export function isComputed(kind: Kind, field: string): boolean {
  return behaviourOf(kind).computed?.[field] !== undefined;
}
