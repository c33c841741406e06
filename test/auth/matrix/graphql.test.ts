import { encodeGlobalID } from '@pothos/plugin-relay';
import { expect, test } from 'vitest';
import { camel } from '../../../src/db/prisma-schema.ts';
import type { Kind } from '../../../src/kinds/define.ts';
import { KINDS, Session } from '../../../src/kinds/index.ts';
import { constantCase, lowerFirst } from '../../../src/schema/names.ts';
import { byRole, KIND_EXPECTATIONS } from './expectations.ts';
import { PRINCIPALS, system, unique, useCast, type Principal } from './world.ts';

/**
 * GraphQL × principals (runtime.md §c.5): for every Kind, each principal lists and looks up an
 * object of P, and creates, updates and deletes — with the outcomes REST has, as error codes:
 * 7 invisible, 8 a create naming an invisible project, 11 denied, 15 (HTTP 401) anonymous.
 */

const cast = useCast();

const CODE: Record<number, string> = { 400: 'code 8', 401: 'code 15', 403: 'code 11', 404: 'code 7' };
const outcome = (status: number) => CODE[status] ?? 'ok';

const singular = (kind: Kind) => lowerFirst(kind.name);
const listField = (kind: Kind) => (camel(kind.plural) === singular(kind) ? `all${kind.name}` : camel(kind.plural));

/** A REST create body as GraphQL input: camelCase keys, global ids for references, enum values in CONSTANT_CASE. */
function toInput(kind: Kind, body: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const field = kind.field[key]!;
    input[camel(key)] = field.references ? encodeGlobalID(field.references.kind, value as string) : field.enum ? constantCase(value as string) : value;
  }
  return input;
}

async function run(
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
): Promise<{ outcome: string; data: Record<string, unknown> | null | undefined }> {
  const res = await cast.server().graphql(query, variables, token);
  if (res.errors?.length) return { outcome: `code ${res.errors[0]!.extensions.code}`, data: res.data };
  return { outcome: res.status === 200 ? 'ok' : `HTTP ${res.status}`, data: res.data };
}

for (const kind of KINDS) {
  test(`${kind.name}: queries and mutations × principals`, async () => {
    const spec = KIND_EXPECTATIONS[kind.name]!;
    const shared = await cast.world();
    const actual: Record<string, unknown> = {};
    const wanted: Record<string, unknown> = {};
    for (const who of PRINCIPALS) {
      const token = shared.tokens[who];
      const anonymous = who === 'anonymous';
      const expected = (status: number) => (anonymous ? 'code 15' : outcome(status));
      const id = (row: { id: string }) => encodeGlobalID(kind.name, row.id);

      const target = await spec.target(shared, cast);
      const listed = await run(
        `query($id: ID!) { ${listField(kind)}(where: { id: { eq: $id } }) { nodes { databaseId } totalCount } }`,
        { id: id(target) },
        token,
      );
      actual[`${who} list`] = anonymous ? listed.outcome : (listed.data?.[listField(kind)] as { totalCount: number }).totalCount;
      wanted[`${who} list`] = anonymous ? 'code 15' : spec.read(who) ? 1 : 0;

      const node = await run(`query($id: ID!) { ${singular(kind)}(id: $id) { databaseId } }`, { id: id(target) }, token);
      actual[`${who} node`] = anonymous ? node.outcome : node.data?.[singular(kind)] !== null;
      wanted[`${who} node`] = anonymous ? 'code 15' : spec.read(who);

      const updated = await run(
        `mutation($id: ID!) { update${kind.name}(id: $id, input: {}) { databaseId } }`,
        { id: id(await spec.target(shared, cast)) },
        token,
      );
      actual[`${who} update`] = updated.outcome;
      wanted[`${who} update`] = expected(spec.update(who));

      const w = spec.deleteDestroysWorld ? await cast.world() : shared;
      const deleted = await run(`mutation($id: ID!) { delete${kind.name}(id: $id) { deletedId } }`, { id: id(await spec.target(w, cast)) }, w.tokens[who]);
      actual[`${who} delete`] = deleted.outcome;
      wanted[`${who} delete`] = expected(spec.delete(who));

      const input = toInput(kind, await spec.createBody(shared, who, cast));
      const created = await run(`mutation($input: Create${kind.name}Input!) { create${kind.name}(input: $input) { databaseId } }`, { input }, token);
      actual[`${who} create`] = created.outcome;
      wanted[`${who} create`] = expected(spec.create(who));
    }
    expect(actual).toEqual(wanted);
  });
}

test('session actions × principals', async () => {
  const w = await cast.world();
  const session = () => w.domain.create(system, Session, { project_id: w.project.id, name: unique('s') });
  const actual: Record<string, string> = {};
  const wanted: Record<string, string> = {};
  const edit = byRole('edit', 200);
  for (const who of PRINCIPALS) {
    const expected = (status: number) => (who === 'anonymous' ? 'code 15' : outcome(status));
    const started = await run('mutation($id: ID!) { startSession(id: $id) { phase } }', { id: encodeGlobalID('Session', (await session()).id) }, w.tokens[who]);
    actual[`${who} start`] = started.outcome;
    wanted[`${who} start`] = expected(edit(who));
    const cloned = await run(
      'mutation($id: ID!) { cloneSession(id: $id) { databaseId } }',
      { id: encodeGlobalID('Session', (await session()).id) },
      w.tokens[who],
    );
    actual[`${who} clone`] = cloned.outcome;
    wanted[`${who} clone`] = expected(edit(who));
  }
  expect(actual).toEqual(wanted);
});

test('viewer: the caller’s own user; for a project key, its creator', async () => {
  const w = await cast.world();
  const viewer = async (who: Principal) =>
    (await cast.server().graphql<{ viewer: { username: string } | null }>('{ viewer { username } }', {}, w.tokens[who])).data?.viewer?.username;
  expect(await viewer('viewer')).toBe('vera');
  expect(await viewer('keyEdit')).toBe('ada');
});

test('relations are filtered like top-level reads: another user’s credentials and keys stay hidden', async () => {
  const w = await cast.world();
  const credential = await KIND_EXPECTATIONS['Credential']!.target(w, cast);
  await KIND_EXPECTATIONS['ProjectKey']!.target(w, cast);
  const query = `query($id: ID!) { user(id: $id) { credentials { totalCount } projectKeys { totalCount } } }`;
  const counts = async (who: Principal, userId: string) =>
    (
      await cast
        .server()
        .graphql<{ user: { credentials: { totalCount: number }; projectKeys: { totalCount: number } } }>(
          query,
          { id: encodeGlobalID('User', userId) },
          w.tokens[who],
        )
    ).data?.user;
  // Ada owns the credential; Eddie made a key in P.
  expect(await counts('admin', credential['user_id'] as string)).toMatchObject({ credentials: { totalCount: 1 } });
  expect(await counts('viewer', credential['user_id'] as string)).toEqual({ credentials: { totalCount: 0 }, projectKeys: { totalCount: 0 } });
  expect((await counts('viewer', cast.actors.editor.userId!))?.projectKeys.totalCount).toBe(0);
  expect((await counts('admin', cast.actors.editor.userId!))?.projectKeys.totalCount).toBeGreaterThan(0);
  expect((await counts('other', cast.actors.editor.userId!))?.projectKeys.totalCount).toBe(0);
});
