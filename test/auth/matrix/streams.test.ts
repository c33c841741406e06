import { encodeGlobalID } from '@pothos/plugin-relay';
import { expect, test } from 'vitest';
import type { Row } from '../../../src/domain/wire.ts';
import { Credential, KINDS, Project, ProjectKey, ProjectSettings } from '../../../src/kinds/index.ts';
import type { Kind } from '../../../src/kinds/define.ts';
import { constantCase } from '../../../src/schema/names.ts';
import { V1 } from '../../support/api.ts';
import { as } from '../../support/fixtures.ts';
import { openStream, type EventStream } from '../../support/sse.ts';
import { KIND_EXPECTATIONS } from './expectations.ts';
import { PRINCIPALS, system, unique, useCast, type Cast, type Principal, type World } from './world.ts';

/**
 * Streams × principals (runtime.md §c.5, rest-contract §6.6): for every Kind, each principal
 * watches over REST (`?watch=true`) and subscribes over GraphQL (`changes`), then objects change in
 * P and in Olga's project Q. Every stream must deliver the changes of exactly the objects its
 * principal may read — an event of an invisible object is never delivered.
 */

const cast = useCast();

interface Step {
  id: string;
  seenBy(who: Principal): boolean;
}

const seesQ = (who: Principal) => who === 'other' || who === 'platformAdmin';

/** Q as a world, for making objects there. */
const inQ = (w: World): World => ({ ...w, project: cast.otherProject });

async function olgasCredential(w: World): Promise<Row> {
  const olga = as(cast.actors.other);
  for (const row of (await w.domain.list(olga, Credential, {})).rows) await w.domain.delete(system, Credential, row.id);
  return w.domain.create(olga, Credential, { provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrst' });
}

/** Changes to objects of `kind`: two in P around one in Q (for users: three users everyone sees). */
async function changes(kind: Kind, w: World, c: Cast): Promise<Step[]> {
  const spec = KIND_EXPECTATIONS[kind.name]!;
  const inP = async () => ({ id: (await spec.target(w, c)).id, seenBy: spec.read });
  switch (kind.name) {
    case 'Project': {
      const touch = async (project: Row) => (await w.domain.update(system, Project, project.id, { description: unique('touched') })).id;
      return [
        { id: await touch(w.project), seenBy: spec.read },
        { id: await touch(cast.otherProject), seenBy: seesQ },
        { id: await touch(w.project), seenBy: spec.read },
      ];
    }
    case 'User':
      return [await inP(), await inP(), await inP()];
    case 'Credential':
      return [await inP(), { id: (await olgasCredential(w)).id, seenBy: seesQ }, await inP()];
    case 'ProjectSettings': {
      // Q's settings without group_access: the editors group must not gain a role in Q.
      const replaceQ = async () => {
        for (const row of (await w.domain.list(system, ProjectSettings, { projectRef: cast.otherProject.id })).rows)
          await w.domain.delete(system, ProjectSettings, row.id);
        return w.domain.create(system, ProjectSettings, { project_id: cast.otherProject.id });
      };
      return [await inP(), { id: (await replaceQ()).id, seenBy: seesQ }, await inP()];
    }
    case 'ProjectKey': {
      const key = await w.domain.create(as(cast.actors.other), ProjectKey, { project_id: cast.otherProject.id, name: unique('q-key'), role: 'view' });
      return [await inP(), { id: key.id, seenBy: seesQ }, await inP()];
    }
    default:
      return [await inP(), { id: (await spec.target(inQ(w), c)).id, seenBy: seesQ }, await inP()];
  }
}

const SUBSCRIPTION = 'subscription($kind: KindName!, $after: String) { changes(kind: $kind, after: $after) { object } }';

/** The object id a frame is about (REST watch frames and GraphQL `changes` payloads). */
function objectId(data: unknown): string | undefined {
  const rest = (data as { object?: { id?: string } }).object?.id;
  if (rest) return rest;
  const change = (data as { data?: { changes?: { object: string } } }).data?.changes;
  return change ? (JSON.parse(change.object) as { id: string }).id : undefined;
}

/**
 * The relevant object ids a stream delivers: frames are read until every expected id came (at most
 * 8 s) and then for `quietMs` more, so an unexpected frame right behind the expected ones is seen.
 */
async function idsSeen(stream: EventStream, relevant: Set<string>, expected: Set<string>, quietMs: number): Promise<Set<string>> {
  const seen = new Set<string>();
  const deadline = Date.now() + 8000;
  let quietUntil: number | undefined;
  for (;;) {
    if (quietUntil === undefined && [...expected].every((id) => seen.has(id))) quietUntil = Date.now() + quietMs;
    const left = (quietUntil ?? deadline) - Date.now();
    if (left <= 0) return seen;
    let frame;
    try {
      frame = await stream.next(left);
    } catch {
      return seen; // nothing more within the time left
    }
    const id = frame.data === undefined ? undefined : objectId(frame.data);
    if (id && relevant.has(id)) seen.add(id);
  }
}

for (const kind of KINDS) {
  test(`${kind.plural}: REST watch and GraphQL changes deliver only what each principal may read`, async () => {
    const s = cast.server();
    const w = await cast.world();
    const { rows } = await s.db.pool.query<{ head: string }>('SELECT coalesce(max(seq), 0)::text AS head FROM change_events');
    const head = rows[0]!.head;
    const streams = new Map<string, EventStream>();
    const variables = encodeURIComponent(JSON.stringify({ kind: constantCase(kind.name), after: head }));
    for (const who of PRINCIPALS) {
      const auth: Record<string, string> = w.tokens[who] ? { Authorization: `Bearer ${w.tokens[who]}` } : {};
      const rest = await openStream(`${s.url}${V1}/${kind.plural}?watch=true`, { ...auth, 'Last-Event-ID': head });
      const graphql = await openStream(`${s.url}/graphql?query=${encodeURIComponent(SUBSCRIPTION)}&variables=${variables}`, auth);
      if (who === 'anonymous') {
        expect([rest.status, graphql.status]).toEqual([401, 401]);
        rest.close();
        graphql.close();
        continue;
      }
      expect([who, rest.status, graphql.status]).toEqual([who, 200, 200]);
      streams.set(`REST ${who}`, rest);
      streams.set(`GraphQL ${who}`, graphql);
    }

    const steps = await changes(kind, w, cast);
    const relevant = new Set(steps.map((step) => step.id));
    const actual: Record<string, string[]> = {};
    const wanted: Record<string, string[]> = {};
    await Promise.all(
      [...streams].map(async ([name, stream]) => {
        const who = name.split(' ')[1] as Principal;
        const expected = new Set(steps.filter((step) => step.seenBy(who)).map((step) => step.id));
        wanted[name] = [...expected].sort();
        actual[name] = [...(await idsSeen(stream, relevant, expected, 400))].sort();
        stream.close();
      }),
    );
    expect(actual).toEqual(wanted);
  });
}

test('sessionChanged and projectSessionsChanged: a session or project the caller cannot see is NotFound', async () => {
  const s = cast.server();
  const w = await cast.world();
  const session = await KIND_EXPECTATIONS['Session']!.target(w, cast);
  const documents = {
    session: ['subscription($id: ID!) { sessionChanged(id: $id) { type } }', { id: encodeGlobalID('Session', session.id) }],
    project: ['subscription($id: ID!) { projectSessionsChanged(project: $id) { type } }', { id: encodeGlobalID('Project', w.project.id) }],
  } as const;
  const actual: Record<string, unknown> = {};
  const wanted: Record<string, unknown> = {};
  for (const who of PRINCIPALS) {
    for (const [name, [query, variables]] of Object.entries(documents)) {
      const auth: Record<string, string> = w.tokens[who] ? { Authorization: `Bearer ${w.tokens[who]}` } : {};
      const stream = await openStream(`${s.url}/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`, auth);
      const first =
        stream.status === 200
          ? ((await stream.nextData()).data as { data?: Record<string, { type: string }>; errors?: { extensions: { code: number } }[] })
          : undefined;
      stream.close();
      actual[`${who} ${name}`] = first === undefined ? stream.status : (first.errors?.[0]?.extensions.code ?? Object.values(first.data ?? {})[0]?.type);
      wanted[`${who} ${name}`] = who === 'anonymous' ? 401 : KIND_EXPECTATIONS['Session']!.read(who) ? 'ADDED' : 7;
    }
  }
  expect(actual).toEqual(wanted);
});
