import { describe, expect, it } from 'vitest';
import { ApiError } from '../support/fake-kube/errors.ts';
import { jsonPatch, mergePatch, strategicMergePatch } from '../support/fake-kube/patch.ts';
import { applyDefaults, prune, validate, type Schema } from '../support/fake-kube/schema.ts';
import { parseLabelSelector } from '../support/fake-kube/selectors.ts';

/** The fake's pure parts, on the cases the HTTP tests do not reach. */

const codeOf = (action: () => unknown): number | undefined => {
  try {
    action();
  } catch (error) {
    return error instanceof ApiError ? error.code : -1;
  }
  return undefined;
};

describe('fake-kube building blocks', () => {
  it('merge patch follows RFC 7386', () => {
    expect(mergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { f: null } })).toEqual({ a: 'z', c: { d: 'e' } });
    expect(mergePatch({ a: [1, 2] }, { a: [3] })).toEqual({ a: [3] });
    expect(mergePatch({ a: { b: 'c' } }, { a: 'scalar' })).toEqual({ a: 'scalar' });
  });

  it('JSON patch supports every RFC 6902 operation and rejects what cannot apply', () => {
    const doc = { a: { b: [1, 2, 3] }, c: 'x' };
    expect(
      jsonPatch(doc, [
        { op: 'add', path: '/a/b/-', value: 4 },
        { op: 'remove', path: '/a/b/0' },
        { op: 'move', from: '/c', path: '/d' },
        { op: 'copy', from: '/d', path: '/e~1f' },
        { op: 'test', path: '/a/b', value: [2, 3, 4] },
      ]),
    ).toEqual({ a: { b: [2, 3, 4] }, d: 'x', 'e/f': 'x' });
    expect(doc.c).toBe('x'); // the target is not mutated
    expect(codeOf(() => jsonPatch(doc, [{ op: 'remove', path: '/nope' }]))).toBe(422);
    expect(codeOf(() => jsonPatch(doc, [{ op: 'add', path: '/x/y', value: 1 }]))).toBe(422);
    expect(codeOf(() => jsonPatch(doc, { op: 'add' }))).toBe(400);
  });

  it('strategic merge patch merges finalizers and owner references, replaces other lists', () => {
    const target = { metadata: { finalizers: ['a'], ownerReferences: [{ uid: '1', name: 'one' }] }, subjects: [{ name: 'x' }] };
    expect(
      strategicMergePatch(target, {
        metadata: {
          finalizers: ['b'],
          ownerReferences: [
            { uid: '1', name: 'renamed' },
            { uid: '2', name: 'two' },
          ],
        },
        subjects: [{ name: 'y' }],
      }),
    ).toEqual({
      metadata: {
        finalizers: ['a', 'b'],
        ownerReferences: [
          { uid: '1', name: 'renamed' },
          { uid: '2', name: 'two' },
        ],
      },
      subjects: [{ name: 'y' }],
    });
    expect(
      strategicMergePatch(target, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], ownerReferences: [{ uid: '1', $patch: 'delete' }] } }),
    ).toEqual({
      metadata: { finalizers: [], ownerReferences: [] },
      subjects: [{ name: 'x' }],
    });
  });

  it('label selectors: grammar, empty values and errors', () => {
    expect(parseLabelSelector('a=,b')({ a: '', b: 'x' })).toBe(true);
    expect(parseLabelSelector('a in (x,y),c notin ()')({ a: 'y' })).toBe(true);
    expect(parseLabelSelector('n>3,n<10')({ n: '5' })).toBe(true);
    expect(parseLabelSelector('')({})).toBe(true);
    for (const bad of ['a b', 'a in x', '=x', 'a=b=c', 'a=bad value!'])
      expect(
        codeOf(() => parseLabelSelector(bad)),
        bad,
      ).toBe(400);
  });

  it('schema: preserve-unknown-fields, nullable, additionalProperties and formats', () => {
    const schema: Schema = {
      type: 'object',
      properties: {
        open: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { known: { type: 'string', default: 'd' } } },
        map: { type: 'object', additionalProperties: { type: 'object', properties: { n: { type: 'integer', default: 1 } } } },
        maybe: { type: 'string', nullable: true },
        gone: { type: 'string' },
        when: { type: 'string', format: 'date-time' },
      },
    };
    const object = { open: { extra: { deep: 1 } }, map: { k: { junk: 1 } }, maybe: null, gone: null, when: 'yesterday' };
    expect(prune(object, schema)).toEqual(['.map.k.junk']);
    applyDefaults(object, schema);
    expect(object).toEqual({ open: { extra: { deep: 1 }, known: 'd' }, map: { k: { n: 1 } }, maybe: null, when: 'yesterday' });
    expect(validate(object, schema)).toEqual([
      { reason: 'FieldValueInvalid', message: 'Invalid value: "yesterday": when in body must be of type date-time: "yesterday"', field: 'when' },
    ]);
  });
});
