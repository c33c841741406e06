import { badRequest, patchRejected } from './errors.ts';

/**
 * The four patch formats by Content-Type. Each takes the stored object and returns the patched
 * copy; the caller then runs it through the same rules as an update.
 */

export const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

type JsonMap = Record<string, unknown>;

const isMap = (value: unknown): value is JsonMap => typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 7386 JSON Merge Patch: maps merge recursively, `null` removes a key, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return structuredClone(patch);
  const result: JsonMap = isMap(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) Reflect.deleteProperty(result, key);
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

interface Operation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

/** Splits an RFC 6901 pointer into unescaped tokens. */
function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw patchRejected(`invalid JSON pointer: "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The patched document, wrapped so that even the root has a parent. */
interface Doc {
  root: unknown;
}

/** Resolves the container that holds the last token of `path` (as the patch library reports a missing one). */
function parentOf(doc: Doc, path: string, op: string): { parent: JsonMap | unknown[]; key: string } {
  const tokens = ['root', ...pointer(path)];
  const key = tokens.pop()!;
  let node: unknown = doc;
  for (const token of tokens) {
    node = Array.isArray(node) ? node[Number(token)] : isMap(node) ? node[token] : undefined;
    if (node === undefined) throw patchRejected(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  if (!isMap(node) && !Array.isArray(node)) throw patchRejected(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return { parent: node, key };
}

function read(doc: Doc, path: string, op: string): unknown {
  const { parent, key } = parentOf(doc, path, op);
  const value = Array.isArray(parent) ? parent[Number(key)] : parent[key];
  if (value === undefined) throw patchRejected(`${op} operation does not apply: doc is missing key: ${path}: missing value`);
  return value;
}

function arrayIndex(array: unknown[], key: string, path: string, op: string, forInsert: boolean): number {
  if (forInsert && key === '-') return array.length;
  const index = Number(key);
  const limit = forInsert ? array.length : array.length - 1;
  if (!/^(0|[1-9][0-9]*)$/.test(key) || index > limit) throw patchRejected(`${op} operation does not apply: index out of bounds in ${path}`);
  return index;
}

function add(doc: Doc, path: string, value: unknown): void {
  const { parent, key } = parentOf(doc, path, 'add');
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, path, 'add', true), 0, value);
  else parent[key] = value;
}

function remove(doc: Doc, path: string, op: string): unknown {
  const value = read(doc, path, op);
  const { parent, key } = parentOf(doc, path, op);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, path, op, false), 1);
  else Reflect.deleteProperty(parent, key);
  return value;
}

/** RFC 6902 JSON Patch. A malformed patch is a 400; an operation that cannot apply (or a failed `test`) is a 422. */
export function jsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw badRequest(`json: cannot unmarshal ${isMap(patch) ? 'object' : typeof patch} into Go value of type jsonpatch.Patch`);
  const doc: Doc = { root: structuredClone(target) };
  for (const raw of patch as unknown[]) {
    if (!isMap(raw) || typeof raw['op'] !== 'string' || typeof raw['path'] !== 'string') throw badRequest('invalid JSON Patch operation');
    const op = raw as unknown as Operation;
    switch (op.op) {
      case 'add':
        add(doc, op.path, structuredClone(op.value));
        break;
      case 'remove':
        remove(doc, op.path, 'remove');
        break;
      case 'replace':
        remove(doc, op.path, 'replace');
        add(doc, op.path, structuredClone(op.value));
        break;
      case 'move':
        add(doc, op.path, remove(doc, op.from ?? '', 'move'));
        break;
      case 'copy':
        add(doc, op.path, structuredClone(read(doc, op.from ?? '', 'copy')));
        break;
      case 'test':
        if (JSON.stringify(canonical(read(doc, op.path, 'test'))) !== JSON.stringify(canonical(op.value))) {
          throw patchRejected(`testing value ${op.path} failed: test failed`);
        }
        break;
      default:
        throw badRequest(`Unexpected kind: ${op.op}`);
    }
  }
  return doc.root;
}

/** Sorts map keys so that deep equality can be checked by comparing JSON. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isMap(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical(value[key])]),
  );
}

/**
 * The lists of the built-in types served here that strategic merge patch merges instead of
 * replacing: by merge key, or as a set of primitives (`null`). Every other list is replaced whole.
 */
const MERGED_LISTS: Record<string, string | null> = {
  'metadata.finalizers': null,
  'metadata.ownerReferences': 'uid',
  'status.conditions': 'type',
};

/**
 * Strategic merge patch for built-in types, limited to what the served types use: merge-patch
 * semantics, plus the merged lists above, `$patch: delete` / `$patch: replace` on maps and list
 * items, and `$deleteFromPrimitiveList/<field>`. `$setElementOrder` and `$retainKeys` are accepted
 * and ignored.
 */
export function strategicMergePatch(target: unknown, patch: unknown, path = ''): unknown {
  if (!isMap(patch)) return structuredClone(patch);
  if (patch['$patch'] === 'replace') return strategicMergePatch(undefined, { ...patch, $patch: undefined }, path);
  const result: JsonMap = isMap(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    const field = path ? `${path}.${key}` : key;
    if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/')) continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const list = key.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(result[list]) && Array.isArray(value)) result[list] = (result[list] as unknown[]).filter((v) => !value.includes(v));
    } else if (value === null || (isMap(value) && value['$patch'] === 'delete')) Reflect.deleteProperty(result, key);
    else if (field in MERGED_LISTS && Array.isArray(value)) result[key] = mergeList(result[key], value, MERGED_LISTS[field]!, field);
    else result[key] = strategicMergePatch(result[key], value, field);
  }
  return result;
}

function mergeList(current: unknown, patch: unknown[], mergeKey: string | null, path: string): unknown[] {
  const result = Array.isArray(current) ? structuredClone(current) : [];
  for (const item of patch) {
    if (mergeKey === null) {
      if (!result.includes(item)) result.push(item);
      continue;
    }
    if (!isMap(item)) throw badRequest(`${path}: list item is not a map`);
    const index = result.findIndex((existing) => isMap(existing) && existing[mergeKey] === item[mergeKey]);
    if (item['$patch'] === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) result[index] = strategicMergePatch(result[index], item, path);
    else result.push(strategicMergePatch(undefined, item, path));
  }
  return result;
}

/**
 * Server-side apply, simplified: the applied configuration is merged into the live object (maps
 * merge recursively, lists and scalars are replaced). Field ownership is not tracked, so a field
 * dropped from a later apply is kept rather than removed, and there are no apply conflicts.
 */
export function applyPatch(target: unknown, applied: unknown): unknown {
  if (!isMap(applied) || !isMap(target)) return structuredClone(applied);
  const result = structuredClone(target);
  for (const [key, value] of Object.entries(applied)) result[key] = value === null ? value : applyPatch(result[key], value);
  return result;
}
