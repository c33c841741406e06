import type { WireObject } from '../../domain/wire.ts';
import type { Kind } from '../../kinds/define.ts';
import { graphqlFieldName } from '../names.ts';

type Row = Record<string, unknown>;

/**
 * A change event carries its object in the REST wire form: the state right after the change (for
 * DELETED, the last state). Change payloads show that state through the Kind's node type, which
 * reads rows as Prisma returns them: camelCase keys, Dates, parsed JSON, nulls present.
 */
export function rowFromWire(kind: Kind, object: WireObject): Row {
  const row: Row = {
    id: object.id,
    createdAt: new Date(object['created_at'] as string),
    updatedAt: new Date(object['updated_at'] as string),
  };
  for (const field of kind.fields) {
    if (!field.column) continue;
    const value = object[field.name];
    row[graphqlFieldName(field.name)] =
      value === undefined || value === null
        ? null
        : field.wire === 'timestamp'
          ? new Date(value as string)
          : field.wire === 'json-text'
            ? JSON.parse(value as string)
            : value;
  }
  return row;
}
