import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { graphqlHandlerFor } from '../../src/graphql/handler.ts';
import { createApiServer, type ApiServer } from '../../src/server/server.ts';
import { testLog } from '../support/database.ts';
import { openStream } from '../support/sse.ts';
import { agui, runEnded, sessionIn, storedEvents, useAguiWorld, type Json } from './support.ts';

/** AG-UI in GraphQL: Session.runs, Session.messages, Session.agentStatus and the sessionAguiEvents subscription. */

const world = useAguiWorld();
let graphql: ApiServer;
let url: string;
beforeAll(async () => {
  const { api } = world();
  const { services } = api;
  graphql = createApiServer({
    database: { pool: api.db.pool, connectionString: api.db.url, mode: 'external', check: async () => ({ ok: true }), close: async () => undefined },
    log: testLog,
    version: '0.0.0-test',
    buildTime: '2026-01-01T00:00:00.000Z',
    handlers: [
      graphqlHandlerFor(services, {
        graphiql: false,
        introspection: true,
        corsOrigins: [],
        log: testLog,
      }),
    ],
  });
  const { port } = (await graphql.listen(0, '127.0.0.1')) as AddressInfo;
  url = `http://127.0.0.1:${port}/graphql`;
});
afterAll(() => graphql.shutdown(1000));

async function query(text: string, variables: Json): Promise<Json> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = (await res.json()) as { data?: Json; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

test('runs, agentStatus and messages on Session; the event subscription replays from a seq and goes on live', async () => {
  const { api } = world();
  const s = await sessionIn(api);
  const { runId } = (await api.request<Json>('POST', agui(s.id, 'run'), { body: { messages: [{ id: 'u1', role: 'user', content: 'hello' }] } })).body as {
    runId: string;
  };
  await runEnded(api, s.id, runId);
  const found = (await query('query($name: String!) { sessionByKubeCrName(kubeCrName: $name) { id databaseId } }', { name: s.kubeCrName }))[
    'sessionByKubeCrName'
  ] as Json;
  const data = (
    await query(
      `query($id: ID!) { session(id: $id) {
       agentStatus
       runs { runId threadId status startedAt finishedAt error }
       messages { id role content timestamp metadata toolCalls { id name args status result } raw }
     } }`,
      { id: found['id'] },
    )
  )['session'] as Json;
  expect(data['agentStatus']).toBe('idle');
  expect(data['runs']).toEqual([
    { runId, threadId: s.id, status: 'finished', startedAt: expect.stringMatching(/Z$/), finishedAt: expect.stringMatching(/Z$/), error: null },
  ]);
  const history = (await api.request<Json>('GET', agui(s.id, 'history'))).body['messages'] as Json[];
  const messages = data['messages'] as Json[];
  expect(messages.map((m) => m['raw'])).toEqual(history);
  expect(messages[0]).toMatchObject({
    id: 'u1',
    role: 'user',
    content: 'hello',
    metadata: { senderId: 'developer', senderDisplayName: 'Developer' },
    toolCalls: [],
  });
  expect(messages[1]!['toolCalls']).toEqual([expect.objectContaining({ name: 'Bash', status: 'completed', result: '1 failing' })]);

  // The subscription, over yoga's SSE: from a seq, then live.
  const stored = await storedEvents(api, s.id);
  const stream = await openStream(
    url,
    { 'Content-Type': 'application/json' },
    {
      method: 'POST',
      body: JSON.stringify({
        query: 'subscription($id: ID!, $after: String) { sessionAguiEvents(session: $id, after: $after) { seq type event } }',
        variables: { id: found['id'], after: String(stored.at(-3)!.seq) },
      }),
    },
  );
  expect(stream.headers.get('content-type')).toBe('text/event-stream');
  const nextEvent = async () => ((await stream.nextData()).data as { data: Json }).data['sessionAguiEvents'] as Json;
  expect([await nextEvent(), await nextEvent()]).toEqual(stored.slice(-2).map((e) => ({ seq: e.seq, type: e.type, event: e.payload })));
  await api.request('POST', agui(s.id, 'feedback'), { body: { type: 'META', metaType: 'thumbs_up' } });
  expect(await nextEvent()).toMatchObject({ type: 'META', event: { type: 'META', metaType: 'thumbs_up', threadId: s.id } });
  stream.close();

  // Invisible or unknown sessions: NotFound.
  const missing = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: 'subscription { sessionAguiEvents(session: "nope") { seq } }' }),
  });
  expect(JSON.stringify(await missing.json())).toMatch(/not found/);
});
