import { encodeGlobalID } from '@pothos/plugin-relay';
import fs from 'node:fs';
import { print } from 'graphql';
import { createClient } from 'graphql-sse';
import { afterEach, describe, expect, test } from 'vitest';
import {
  ChangesDocument,
  ProjectSessionsChangedDocument,
  SessionChangedDocument,
  SessionPhaseChangedDocument,
  StartSessionDocument,
  StopSessionDocument,
  UpdateSessionStatusDocument,
} from '../../src/generated/graphql/graphql.ts';
import { toWire, type Row } from '../../src/domain/wire.ts';
import { trustedDocumentsManifest } from '../../src/graphql/handler.ts';
import { Agent, Permission, Project, Session, Workflow } from '../../src/kinds/index.ts';
import { as, platformAdmin, seedProject, seedUser, userActor } from '../support/fixtures.ts';
import { eventually, subscriber, TRANSPORTS, type ResultStream, type Transport } from './streams.ts';
import { useGraphqlServer, type Harness } from './support.ts';

/**
 * Subscriptions over real HTTP (yoga's SSE and both graphql-sse modes): live lists with their
 * snapshot and filter transitions, resuming from a cursor without gaps or duplicates, deletes,
 * authorization of every event, the end of a stream that falls behind (or whose client stops
 * reading), shutdown with open streams, and trusted documents on the graphql-sse endpoint.
 */

const server = useGraphqlServer();
const admin = as(platformAdmin);
const gid = (kind: { name: string }, id: string) => encodeGlobalID(kind.name, id);

const domain = () => server().domain;
const createSession = (project: Row, name: string, extra: Record<string, unknown> = {}) =>
  domain().create(admin, Session, { project_id: project.id, name, ...extra });
const updateSession = (session: Row, values: Record<string, unknown>) => domain().update(admin, Session, session.id, values);

/** Every stream a test opens is closed, and the server lets go of its feed subscription. */
const opened: ResultStream<unknown>[] = [];
function track<T>(stream: ResultStream<T>): ResultStream<T> {
  opened.push(stream as ResultStream<unknown>);
  return stream;
}
afterEach(async () => {
  opened.splice(0).forEach((stream) => stream.close());
  await eventually(() => server().feed.subscriberCount === 0, 'closed streams release their feed subscriptions');
});

const cursorOf = (event: { cursor: string | null }) => Number(event.cursor);

describe.each(TRANSPORTS)('over %s', (transport) => {
  const subscribe = subscriber(server, transport);

  test('a live list: the current sessions (only the last with the cursor), then every change in order', async () => {
    const project = await seedProject(domain());
    const workflow = await domain().create(admin, Workflow, { project_id: project.id, name: 'flow' });
    const a = await createSession(project, 'a');
    const b = await createSession(project, 'b', { workflow_id: workflow.id });
    const stream = track(await subscribe(ProjectSessionsChangedDocument, { project: gid(Project, project.id) }));

    const first = (await stream.next()).data!.projectSessionsChanged;
    const second = (await stream.next()).data!.projectSessionsChanged;
    expect([first.type, first.session.databaseId, first.cursor]).toEqual(['ADDED', a.id, null]);
    expect([second.type, second.session.databaseId, second.session.workflow?.name]).toEqual(['ADDED', b.id, 'flow']);
    expect(cursorOf(second)).toBeGreaterThan(0);

    const c = await createSession(project, 'c');
    await updateSession(a, { name: 'a2' });
    await domain().delete(admin, Session, b.id);
    const added = (await stream.next()).data!.projectSessionsChanged;
    const modified = (await stream.next()).data!.projectSessionsChanged;
    const deleted = (await stream.next()).data!.projectSessionsChanged;
    expect([added.type, added.session.databaseId, added.session.name]).toEqual(['ADDED', c.id, 'c']);
    expect([modified.type, modified.session.databaseId, modified.session.name]).toEqual(['MODIFIED', a.id, 'a2']);
    // A deleted session shows its last state, and its relations still resolve.
    expect([deleted.type, deleted.session.databaseId, deleted.session.name, deleted.session.workflow?.name]).toEqual(['DELETED', b.id, 'b', 'flow']);
    expect(cursorOf(added)).toBeGreaterThan(cursorOf(second));
    expect(cursorOf(modified)).toBeGreaterThan(cursorOf(added));
    expect(cursorOf(deleted)).toBeGreaterThan(cursorOf(modified));
  });

  test('resume after a disconnect: no snapshot, every later change exactly once', async () => {
    const project = await seedProject(domain());
    const variables = { project: gid(Project, project.id) };
    const first = track(await subscribe(ProjectSessionsChangedDocument, variables));
    const one = await createSession(project, 'one');
    const seen = (await first.next()).data!.projectSessionsChanged;
    expect(seen.session.databaseId).toBe(one.id);
    first.close();

    const two = await createSession(project, 'two');
    await updateSession(one, { name: 'one-renamed' });
    const resumed = track(await subscribe(ProjectSessionsChangedDocument, { ...variables, after: seen.cursor }));
    const events = [(await resumed.next()).data!.projectSessionsChanged, (await resumed.next()).data!.projectSessionsChanged];
    expect(events.map((e) => [e.type, e.session.databaseId, e.session.name])).toEqual([
      ['ADDED', two.id, 'two'],
      ['MODIFIED', one.id, 'one-renamed'],
    ]);
    // Nothing repeats: the next event is the next change.
    const three = await createSession(project, 'three');
    const next = (await resumed.next()).data!.projectSessionsChanged;
    expect([next.type, next.session.databaseId]).toEqual(['ADDED', three.id]);
    expect(cursorOf(next)).toBeGreaterThan(cursorOf(events[1]!));
    expect(resumed.pending).toBe(0);
  });

  test('one session: its current state, each change, and the end of the stream after it is deleted', async () => {
    const project = await seedProject(domain());
    const session = await createSession(project, 'watched', { prompt: 'first' });
    const stream = track(await subscribe(SessionChangedDocument, { id: gid(Session, session.id) }));
    const current = (await stream.next()).data!.sessionChanged;
    expect([current.type, current.session.prompt, current.cursor]).toEqual(['ADDED', 'first', expect.any(String)]);

    await createSession(project, 'someone else');
    await updateSession(session, { prompt: 'second' });
    const modified = (await stream.next()).data!.sessionChanged;
    expect([modified.type, modified.session.prompt]).toEqual(['MODIFIED', 'second']);
    await domain().delete(admin, Session, session.id);
    const deleted = (await stream.next()).data!.sessionChanged;
    expect([deleted.type, deleted.session.databaseId, deleted.session.prompt]).toEqual(['DELETED', session.id, 'second']);
    await stream.ended();
  });

  test('errors before the first event: an unknown session is NotFound, a resume point the log no longer holds code 33', async () => {
    const missing = track(await subscribe(SessionChangedDocument, { id: gid(Session, '2zzzzzzzzzzzzzzzzzzzzzzzzzz') }));
    expect((await missing.next()).errors?.[0]?.extensions).toMatchObject({ code: 7, name: 'NotFound' });
    await missing.ended();

    const project = await seedProject(domain());
    await createSession(project, 'old');
    const { rows } = await server().db.pool.query<{ max: number }>('SELECT max(seq)::int AS max FROM change_events');
    await server().db.pool.query('DELETE FROM change_events WHERE seq < $1', [rows[0]!.max]);
    const gone = track(await subscribe(ProjectSessionsChangedDocument, { project: gid(Project, project.id), after: '1' }));
    expect((await gone.next()).errors?.[0]?.extensions).toMatchObject({ code: 33, name: 'Gone' });
    await gone.ended();
    const malformed = track(await subscribe(ProjectSessionsChangedDocument, { project: gid(Project, project.id), after: 'soon' }));
    expect((await malformed.next()).errors?.[0]?.extensions).toMatchObject({ code: 8, field: 'after' });
  });
});

test('a filter: sessions entering it are ADDED, leaving it DELETED, others not sent; resuming reports a non-match once as DELETED', async () => {
  const subscribe = subscriber(server, 'yoga SSE');
  const project = await seedProject(domain());
  const session = await createSession(project, 'filtered');
  const variables = { project: gid(Project, project.id), where: { phase: { eq: 'PENDING' as const } } };
  const stream = track(await subscribe(ProjectSessionsChangedDocument, variables));

  await server().data(StartSessionDocument, { id: gid(Session, session.id) });
  const entered = (await stream.next()).data!.projectSessionsChanged;
  expect([entered.type, entered.session.phase]).toEqual(['ADDED', 'PENDING']);
  await updateSession(session, { name: 'renamed' });
  expect((await stream.next()).data!.projectSessionsChanged).toMatchObject({ type: 'MODIFIED', session: { name: 'renamed' } });
  await server().data(StopSessionDocument, { id: gid(Session, session.id) });
  const left = (await stream.next()).data!.projectSessionsChanged;
  expect([left.type, left.session.phase]).toEqual(['DELETED', 'STOPPING']);

  await updateSession(session, { prompt: 'quiet' });
  const other = await createSession(project, 'other');
  await server().data(StartSessionDocument, { id: gid(Session, other.id) });
  const next = (await stream.next()).data!.projectSessionsChanged;
  expect([next.type, next.session.databaseId]).toEqual(['ADDED', other.id]);

  // Resuming, the client may hold anything: a non-matching change is reported once, as DELETED.
  const resumed = track(await subscribe(ProjectSessionsChangedDocument, { ...variables, after: left.cursor }));
  const replayed = [];
  for (let i = 0; i < 3; i++) replayed.push((await resumed.next()).data!.projectSessionsChanged);
  expect(replayed.map((e) => [e.type, e.session.databaseId])).toEqual([
    ['DELETED', session.id],
    ['DELETED', other.id],
    ['ADDED', other.id],
  ]);
});

test('phase transitions: only changes of phase, with the phase before; a resumed stream finds it in the log', async () => {
  const subscribe = subscriber(server, 'graphql-sse distinct');
  const project = await seedProject(domain());
  const elsewhere = await seedProject(domain());
  const session = await createSession(project, 'phased');
  const stream = track(await subscribe(SessionPhaseChangedDocument, { project: gid(Project, project.id) }));

  await server().data(StartSessionDocument, { id: gid(Session, (await createSession(elsewhere, 'not here')).id) });
  await server().data(StartSessionDocument, { id: gid(Session, session.id) });
  const started = (await stream.next()).data!.sessionPhaseChanged;
  expect([started.previousPhase, started.phase, started.session.name, started.session.project.name]).toEqual([null, 'PENDING', 'phased', project['name']]);
  await updateSession(session, { name: 'still pending' });
  await server().data(UpdateSessionStatusDocument, { id: gid(Session, session.id), input: { phase: 'RUNNING' } });
  const running = (await stream.next()).data!.sessionPhaseChanged;
  expect([running.previousPhase, running.phase, running.session.name]).toEqual(['PENDING', 'RUNNING', 'still pending']);
  stream.close();

  await server().data(UpdateSessionStatusDocument, { id: gid(Session, session.id), input: { phase: 'COMPLETED' } });
  const resumed = track(await subscribe(SessionPhaseChangedDocument, { project: gid(Project, project.id), after: running.cursor }));
  expect((await resumed.next()).data!.sessionPhaseChanged).toMatchObject({ previousPhase: 'RUNNING', phase: 'COMPLETED' });
});

test('changes of one Kind: the REST wire objects, in the project given', async () => {
  const subscribe = subscriber(server, 'graphql-sse single');
  const project = await seedProject(domain());
  const elsewhere = await seedProject(domain());
  const stream = track(await subscribe(ChangesDocument, { kind: 'AGENT', project: gid(Project, project.id) }));

  await domain().create(admin, Agent, { project_id: elsewhere.id, name: 'elsewhere' });
  await createSession(project, 'another kind');
  const agent = await domain().create(admin, Agent, { project_id: project.id, name: 'helper' });
  const updated = await domain().update(admin, Agent, agent.id, { prompt: 'be helpful' });
  await domain().delete(admin, Agent, agent.id);
  const events = [(await stream.next()).data!.changes, (await stream.next()).data!.changes, (await stream.next()).data!.changes];
  expect(events.map((e) => [e.type, e.kind, e.id])).toEqual([
    ['ADDED', 'AGENT', gid(Agent, agent.id)],
    ['MODIFIED', 'AGENT', gid(Agent, agent.id)],
    ['DELETED', 'AGENT', gid(Agent, agent.id)],
  ]);
  expect(JSON.parse(events[0]!.object)).toEqual(toWire(Agent, agent));
  expect(JSON.parse(events[1]!.object)).toEqual(toWire(Agent, updated));
  expect(cursorOf(events[2]!)).toBeGreaterThan(cursorOf(events[1]!));
});

describe('authorization of every event', () => {
  const subscribe = subscriber(server, 'yoga SSE');

  async function member(project: Row, role: 'view' | 'edit' | 'admin'): Promise<{ name: string; permission: Row }> {
    const user = await seedUser(domain());
    const name = user['username'] as string;
    server().actors.set(name, userActor(user));
    const permission = await domain().create(admin, Permission, { project_id: project.id, subject_type: 'user', subject_name: name, role });
    return { name, permission };
  }

  test('a user sees the projects where it has a role, and nothing of the others', async () => {
    const mine = await seedProject(domain());
    const theirs = await seedProject(domain());
    const { name } = await member(mine, 'view');
    const hidden = await createSession(theirs, 'hidden');

    const list = track(await subscribe(ProjectSessionsChangedDocument, { project: gid(Project, theirs.id) }, { as: name }));
    expect((await list.next()).errors?.[0]?.extensions).toMatchObject({ code: 7 });
    const one = track(await subscribe(SessionChangedDocument, { id: gid(Session, hidden.id) }, { as: name }));
    expect((await one.next()).errors?.[0]?.extensions).toMatchObject({ code: 7 });

    const all = track(await subscribe(ChangesDocument, { kind: 'SESSION' }, { as: name }));
    await createSession(theirs, 'still hidden');
    const visible = await createSession(mine, 'visible');
    const event = (await all.next()).data!.changes;
    expect([event.type, event.id]).toEqual(['ADDED', gid(Session, visible.id)]);
    // Each Kind's read role applies too: project keys need edit.
    const keys = track(await subscribe(ChangesDocument, { kind: 'PROJECT_KEY', project: gid(Project, mine.id) }, { as: name }));
    expect((await keys.next()).errors?.[0]?.extensions).toMatchObject({ code: 7 });
  });

  test('a project key sees its project only', async () => {
    const own = await seedProject(domain());
    const other = await seedProject(domain());
    server().actors.set('key', { type: 'key', keyId: 'key-1', projectId: own.id, role: 'view', creatorId: null });
    const stream = track(await subscribe(ChangesDocument, { kind: 'SESSION' }, { as: 'key' }));
    await createSession(other, 'not for the key');
    const mine = await createSession(own, 'for the key');
    expect((await stream.next()).data!.changes.id).toBe(gid(Session, mine.id));
    const elsewhere = track(await subscribe(ProjectSessionsChangedDocument, { project: gid(Project, other.id) }, { as: 'key' }));
    expect((await elsewhere.next()).errors?.[0]?.extensions).toMatchObject({ code: 7 });
  });

  test('a revoked role ends the stream with NotFound at the next event', async () => {
    const project = await seedProject(domain());
    const { name, permission } = await member(project, 'view');
    const session = await createSession(project, 'watched');
    const stream = track(await subscribe(ProjectSessionsChangedDocument, { project: gid(Project, project.id) }, { as: name }));
    expect((await stream.next()).data!.projectSessionsChanged.session.databaseId).toBe(session.id);

    await domain().delete(admin, Permission, permission.id);
    await new Promise((resolve) => setTimeout(resolve, 5_200)); // roles are re-read every 5 s
    await updateSession(session, { name: 'after the revocation' });
    expect((await stream.next()).errors?.[0]?.extensions).toMatchObject({ code: 7 });
    await stream.ended();
  });
});

describe('a stream that falls behind', () => {
  const small = useGraphqlServer({ feed: { maxQueue: 5 } });
  const subscribe = subscriber(small, 'yoga SSE');

  test('is ended once more changes wait than the feed allows, and resumes from its last cursor without a gap', async () => {
    const { domain: d } = small();
    const project = await seedProject(d);
    const doomed = await seedProject(d);
    const sessions = await Promise.all(Array.from({ length: 8 }, (_, i) => d.create(admin, Session, { project_id: doomed.id, name: `s${i}` })));
    const stream = await subscribe(ChangesDocument, {
      kind: 'SESSION',
      after: (await small().db.pool.query('SELECT coalesce(max(seq), 0)::text AS head FROM change_events')).rows[0].head,
    });
    await d.create(admin, Session, { project_id: project.id, name: 'marker' });
    const marker = (await stream.next()).data!.changes;

    // Deleting the project deletes its 8 sessions in one commit: they reach the feed at once.
    await d.delete(admin, Project, doomed.id);
    await stream.ended();
    expect(small().feed.subscriberCount).toBe(0);

    const resumed = await subscribe(ChangesDocument, { kind: 'SESSION', after: marker.cursor });
    const deleted = [];
    for (let i = 0; i < sessions.length; i++) deleted.push((await resumed.next()).data!.changes);
    expect(deleted.map((e) => e.type)).toEqual(Array(8).fill('DELETED'));
    expect(new Set(deleted.map((e) => e.id))).toEqual(new Set(sessions.map((s) => gid(Session, s.id))));
    expect(deleted.map(cursorOf)).toEqual(deleted.map(cursorOf).sort((x, y) => x - y));
    resumed.close();
  });
});

describe('a client that stops reading', () => {
  // Room for bursts, so a client that reads is never too slow and only a stalled one falls behind.
  const roomy = useGraphqlServer({ feed: { maxQueue: 100 } });

  /** Opens a stream of `query` whose client never reads: its socket fills up and stays full. */
  async function stalled(transport: Transport, query: string): Promise<AbortController> {
    const controller = new AbortController();
    const { url } = roomy();
    const headers = { 'Content-Type': 'application/json', Authorization: 'Bearer admin' };
    const signal = controller.signal;
    if (transport === 'yoga SSE') {
      await fetch(url, { method: 'POST', headers: { ...headers, Accept: 'text/event-stream' }, body: JSON.stringify({ query }), signal });
    } else if (transport === 'graphql-sse distinct') {
      await fetch(`${url}/stream`, { method: 'POST', headers: { ...headers, Accept: 'text/event-stream' }, body: JSON.stringify({ query }), signal });
    } else {
      const token = await (await fetch(`${url}/stream`, { method: 'PUT', headers, signal })).text();
      await fetch(`${url}/stream`, { headers: { ...headers, Accept: 'text/event-stream', 'X-GraphQL-Event-Stream-Token': token }, signal });
      const accepted = await fetch(`${url}/stream`, {
        method: 'POST',
        headers: { ...headers, Accept: 'application/json', 'X-GraphQL-Event-Stream-Token': token },
        body: JSON.stringify({ query, extensions: { operationId: 'stalled' } }),
        signal,
      });
      expect(accepted.status).toBe(202);
    }
    return controller;
  }

  test.each(TRANSPORTS)('over %s is dropped by the feed instead of buffered without bound', async (transport) => {
    const { feed, db } = roomy();
    const project = await seedProject(roomy().domain);
    const client = await stalled(transport, 'subscription { changes(kind: SESSION) { cursor object } }');
    await eventually(() => feed.subscriberCount === 1, 'subscribed');
    try {
      // Changes of 64 KiB each, one at a time: a client that reads keeps up; this one fills its socket.
      const prompt = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 1000 && feed.subscriberCount > 0; i++) {
        const object = { id: `fake${i}`, kind: 'Session', href: `/api/ambient/v1/sessions/fake${i}`, name: `fake${i}`, prompt, project_id: project.id };
        await db.pool.query(`INSERT INTO change_events (kind, object_id, type, project_id, object) VALUES ('Session', $1, 'ADDED', $2, $3)`, [
          object.id,
          project.id,
          object,
        ]);
        feed.wake();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(feed.subscriberCount).toBe(0);
    } finally {
      client.abort();
    }
  });
});

describe('shutdown', () => {
  const stopping = useGraphqlServer();

  test('stopping the feed ends every open stream, and the server stops promptly', async () => {
    const harness: Harness = stopping();
    const project = await seedProject(harness.domain);
    const streams = await Promise.all(
      TRANSPORTS.map((transport) => subscriber(stopping, transport)(ProjectSessionsChangedDocument, { project: gid(Project, project.id) })),
    );
    await eventually(() => harness.feed.subscriberCount === TRANSPORTS.length, 'every stream subscribed');

    const started = Date.now();
    await harness.feed.stop();
    await harness.api.shutdown(10_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    for (const stream of streams) await stream.ended();
  });
});

describe('trusted documents', () => {
  const manifest = trustedDocumentsManifest(
    JSON.parse(fs.readFileSync(new URL('../../src/generated/graphql/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>,
  );
  const locked = useGraphqlServer({ trustedDocuments: { documents: manifest, allowArbitraryOperations: false } });

  test('graphql-sse runs only the text of a trusted document', async () => {
    const refused = await fetch(`${locked().url}/stream`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', Authorization: 'Bearer admin' },
      body: JSON.stringify({ query: print(ChangesDocument), variables: { kind: 'USER' } }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'ambient-api-server-21', reason: 'only persisted documents are accepted' });

    const project = await seedProject(locked().domain);
    const session = await locked().domain.create(admin, Session, { project_id: project.id, name: 'trusted' });
    const hash = (SessionChangedDocument as { __meta__?: { hash?: string } }).__meta__!.hash!.replace(/^sha256:/, '');
    const client = createClient({ url: `${locked().url}/stream`, headers: { Authorization: 'Bearer admin' }, retryAttempts: 0 });
    const results: unknown[] = [];
    const dispose = client.subscribe(
      { query: manifest.get(hash)!, variables: { id: gid(Session, session.id) } },
      { next: (r) => void results.push(r), error: () => undefined, complete: () => undefined },
    );
    await eventually(() => results.length > 0, 'the trusted subscription answered');
    expect(results[0]).toMatchObject({ data: { sessionChanged: { type: 'ADDED', session: { name: 'trusted' } } } });
    dispose();
    client.dispose();
  });
});
