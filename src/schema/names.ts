import { camel } from '../db/prisma-schema.ts';

/**
 * How declaration names become GraphQL names: fields camelCase (as the Prisma fields are), types
 * PascalCase, enum values CONSTANT_CASE.
 */

const fieldNames = new Map<string, string>();

/** `llm_temperature` → `llmTemperature` (memoized: resolvers ask for it on every request). */
export function graphqlFieldName(wireName: string): string {
  let name = fieldNames.get(wireName);
  if (name === undefined) {
    name = camel(wireName);
    fieldNames.set(wireName, name);
  }
  return name;
}

/** `project_settings` → `ProjectSettings`, `phase` → `Phase`. */
export const pascal = (name: string): string => camel(name).replace(/^./, (c) => c.toUpperCase());

/** `ProjectSettings` → `projectSettings`. */
export const lowerFirst = (name: string): string => name.replace(/^./, (c) => c.toLowerCase());

/** `Pending` → `PENDING`, `api_token` → `API_TOKEN`. */
export const constantCase = (value: string): string =>
  value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
