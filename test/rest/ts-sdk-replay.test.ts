import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useAuthServer } from '../auth/server.ts';
import { jwks, mint, signingKey, startJwksServer, type JwksServer, type SigningKey } from '../auth/tokens.ts';

/**
 * The upstream TypeScript SDK at HEAD (`components/ambient-sdk/ts-sdk/src/*_api.ts`, generated
 * 2026-06-11), replayed call for call for projects, sessions, agents, inbox, session messages and
 * credentials: the same URL (`{baseUrl}/api/ambient/v1{path}`), the same method, the same headers
 * (`Authorization: Bearer`, `X-Ambient-Project` when the client has a project, `Content-Type:
 * application/json` only with a body), the same bodies (`JSON.stringify` of the request object, none
 * on start/stop), and the same reading of answers (JSON, nothing on 204, errors by `code`/`reason`/
 * `operation_id` and the HTTP status). What it reads back is checked against what the SDK's types
 * declare.
 *
 * Where upstream's own SDK is wrong, the test says so next to the call (`UPSTREAM BUG`) and checks
 * what we serve for the call it makes and for the call it should make.
 */

let key: SigningKey;
let idp: JwksServer;
beforeAll(async () => {
  key = await signingKey('k1');
  idp = await startJwksServer(jwks(key));
});
afterAll(() => idp.close());
const server = useAuthServer(() => ({ AUTH_JWKS_URL: idp.url }));

type Json = Record<string, unknown>;
type List = { kind: string; page: number; size: number; total: number; items: Json[] };

/** What the SDK's `ambientFetch` throws: the status and the Error body's code, reason and operation id. */
class SdkError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly reason: string,
    readonly operationId: string,
  ) {
    super(`ambient API error ${statusCode}: ${code} — ${reason}`);
  }
}

/** A replay of the SDK's transport, with a record of every request it sent. */
class Sdk {
  readonly sent: { method: string; url: string; headers: Record<string, string>; body: string | undefined }[] = [];
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    readonly project?: string,
  ) {}

  async fetch<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.baseUrl}/api/ambient/v1${path}`;
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}`, ...(this.project ? { 'X-Ambient-Project': this.project } : {}) };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const text = body !== undefined ? JSON.stringify(body) : undefined;
    this.sent.push({ method, url, headers, body: text });
    const res = await fetch(url, { method, headers, body: text });
    if (!res.ok) {
      const e = (await res.json().catch(() => ({}))) as Json;
      throw new SdkError(res.status, typeof e['code'] === 'string' ? e['code'] : 'unknown_error', String(e['reason'] ?? ''), String(e['operation_id'] ?? ''));
    }
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  /** `buildQueryString`: page, size (capped at 65500), search, orderBy, fields. */
  static qs(opts: { page?: number; size?: number; search?: string; orderBy?: string; fields?: string } = {}): string {
    const p = new URLSearchParams();
    if (opts.page !== undefined) p.set('page', String(opts.page));
    if (opts.size !== undefined) p.set('size', String(Math.min(opts.size, 65500)));
    if (opts.search) p.set('search', opts.search);
    if (opts.orderBy) p.set('orderBy', opts.orderBy);
    if (opts.fields) p.set('fields', opts.fields);
    const s = p.toString();
    return s ? `?${s}` : '';
  }

  /** `listAll(size)`: pages from 1 until `page * size >= total`, as every *_api.ts does. */
  async listAll(path: string, size: number): Promise<Json[]> {
    const out: Json[] = [];
    for (let page = 1; ; page++) {
      const list = await this.fetch<List>('GET', `${path}${Sdk.qs({ page, size })}`);
      out.push(...list.items);
      if (list.page * list.size >= list.total || list.items.length === 0) return out;
    }
  }

  // The per-Kind base paths, exactly as the generated *_api.ts build them.
  agentsPath(): string {
    return '/projects/{id}/agents'.replace('{id}', encodeURIComponent(this.project!));
  }
  /** UPSTREAM BUG: inbox_message_api.ts replaces `{id}` only; `{agent_id}` stays in the path, literally. */
  inboxPathAsSdk(): string {
    return '/projects/{id}/agents/{agent_id}/inbox'.replace('{id}', encodeURIComponent(this.project!));
  }
  /** UPSTREAM BUG: session_message_api.ts puts the client's *project* where the session id belongs. */
  messagesPathAsSdk(): string {
    return '/sessions/{id}/messages'.replace('{id}', encodeURIComponent(this.project!));
  }
}

const expectReference = (object: Json, kind: string, plural: string) => {
  expect(object).toMatchObject({ kind, href: `/api/ambient/v1/${plural}/${String(object['id'])}` });
  expect(typeof object['created_at']).toBe('string');
  expect(typeof object['updated_at']).toBe('string');
};

describe('the upstream TypeScript SDK at HEAD', () => {
  test('projects, sessions, agents, inbox, session messages and credentials, call for call', { timeout: 60_000 }, async () => {
    const s = server();
    const token = await mint(key, 'sdk-user'); // the SDK refuses tokens under 20 characters; a JWT is longer
    const global = new Sdk(s.url, token);

    // --- ProjectAPI -----------------------------------------------------------------------------
    const project = await global.fetch<Json>('POST', '/projects', {
      name: 'sdk-head',
      description: 'replay',
      prompt: 'Project prompt.',
      labels: '{"env":"test"}',
    });
    expectReference(project, 'Project', 'projects');
    expect(project).toMatchObject({ id: 'sdk-head', name: 'sdk-head', prompt: 'Project prompt.', labels: '{"env":"test"}' });
    expect(await global.fetch<Json>('GET', '/projects/sdk-head')).toMatchObject({ id: 'sdk-head', prompt: 'Project prompt.' });
    const projects = await global.fetch<List>('GET', `/projects${Sdk.qs({ search: "name = 'sdk-head'", size: 10 })}`);
    expect(projects).toMatchObject({ kind: 'ProjectList', page: 1, total: 1 });
    // ProjectPatchRequest carries `name` and `status` too: ours ignores both (names are immutable, status is the server's).
    const patched = await global.fetch<Json>('PATCH', '/projects/sdk-head', { prompt: 'New prompt.', name: 'renamed', status: 'Terminating' });
    expect(patched).toMatchObject({ id: 'sdk-head', name: 'sdk-head', prompt: 'New prompt.', status: 'Active' });

    const c = new Sdk(s.url, token, 'sdk-head'); // `project` in the client config: X-Ambient-Project on every call

    // --- AgentAPI (/projects/{project}/agents) ------------------------------------------------------
    // AgentCreateRequest requires project_id; the SDK sends what the caller gives.
    const agent = await c.fetch<Json>('POST', c.agentsPath(), { name: 'reviewer', project_id: 'sdk-head', prompt: 'Review.', llm_model: 'claude-sonnet-4-5' });
    expectReference(agent, 'Agent', 'agents');
    expect(agent).toMatchObject({ project_id: 'sdk-head', name: 'reviewer', prompt: 'Review.' });
    const agentId = String(agent['id']);
    expect(await c.fetch<Json>('GET', `${c.agentsPath()}/${agentId}`)).toMatchObject({ id: agentId });
    expect((await c.fetch<Json>('PATCH', `${c.agentsPath()}/${agentId}`, { description: 'Reviews PRs' }))['description']).toBe('Reviews PRs');
    expect((await c.listAll(c.agentsPath(), 1)).map((a) => a['id'])).toEqual([agentId]);

    // --- InboxMessageAPI -----------------------------------------------------------------------------
    // What the SDK sends: `{agent_id}` unreplaced (fetch percent-encodes the braces). No agent has that id: 404.
    const wrong = await c.fetch('POST', c.inboxPathAsSdk(), { agent_id: agentId, body: 'hi' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(SdkError);
    expect([(wrong as SdkError).statusCode, (wrong as SdkError).code]).toEqual([404, 'ambient-api-server-7']);
    // What it means to send, and what we serve: the agent's id in the path.
    const inbox = `${c.agentsPath()}/${agentId}/inbox`;
    const message = await c.fetch<Json>('POST', inbox, { agent_id: agentId, body: 'Look at PR 7', from_name: 'ci' });
    expectReference(message, 'InboxMessage', 'inbox_messages');
    expect(message).toMatchObject({ agent_id: agentId, body: 'Look at PR 7', from_name: 'ci', read: false });
    const messageId = String(message['id']);
    expect(await c.fetch<Json>('GET', `${inbox}/${messageId}`)).toMatchObject({ id: messageId });
    expect((await c.fetch<List>('GET', `${inbox}${Sdk.qs({ size: 50 })}`)).items.map((m) => m['id'])).toEqual([messageId]);

    // Not in the TS SDK, but in the Go SDK (GetStartPreview, used by acpctl): GET …/start is the dry run.
    const preview = await c.fetch<Json>('GET', `${c.agentsPath()}/${agentId}/start`);
    expect(preview).toMatchObject({ inbox_unread_count: 1, starting_prompt: expect.stringContaining('Look at PR 7') });
    // AgentAPI.start: POST, no body. 201 with a new session; the inbox it used is now read.
    const started = await c.fetch<Json>('POST', `${c.agentsPath()}/${agentId}/start`);
    const session = started['session'] as Json;
    expect(session).toMatchObject({ agent_id: agentId, project_id: 'sdk-head' });
    expect(String(started['start_prompt'])).toContain('Look at PR 7');
    expect((await c.fetch<Json>('GET', `${inbox}/${messageId}`))['read']).toBe(true);
    const again = await c.fetch<Json>('POST', `${c.agentsPath()}/${agentId}/start`); // idempotent while active
    expect((again['session'] as Json)['id']).toBe(session['id']);
    expect((await c.fetch<Json>('PATCH', `${inbox}/${messageId}`, { read: false }))['read']).toBe(false);
    expect(await c.fetch('DELETE', `${inbox}/${messageId}`)).toBeUndefined();

    // --- SessionAPI -------------------------------------------------------------------------------
    const created = await c.fetch<Json>('POST', '/sessions', { name: 'direct', project_id: 'sdk-head', prompt: 'Hello there', agent_id: agentId });
    expectReference(created, 'Session', 'sessions');
    const sessionId = String(created['id']);
    expect(created).toMatchObject({ name: 'direct', project_id: 'sdk-head', agent_id: agentId, prompt: 'Hello there' });
    expect(await c.fetch<Json>('GET', `/sessions/${sessionId}`)).toMatchObject({ id: sessionId });
    expect((await c.fetch<Json>('PATCH', `/sessions/${sessionId}`, { llm_temperature: 0.2 }))['llm_temperature']).toBe(0.2);
    const bySearch = await c.fetch<List>('GET', `/sessions${Sdk.qs({ search: "project_id = 'sdk-head'", orderBy: 'created_at desc', size: 100 })}`);
    expect(bySearch.items.map((x) => x['id'])).toContain(sessionId);
    expect((await c.fetch<Json>('POST', `/sessions/${sessionId}/start`))['phase']).toBe('Pending');
    expect((await c.fetch<Json>('POST', `/sessions/${sessionId}/stop`))['phase']).toBe('Stopping');
    // updateStatus: the reconciler's write-back path, open to the project's admins (rest-contract §10.3).
    expect(await c.fetch<Json>('PATCH', `/sessions/${sessionId}/status`, { phase: 'Stopped' })).toMatchObject({ id: sessionId, phase: 'Stopped' });

    // --- SessionMessageAPI ------------------------------------------------------------------------
    // What the SDK sends: the project name as the session id → 404 (no such session).
    const misrouted = await c.fetch('POST', c.messagesPathAsSdk(), { event_type: 'user', payload: 'hi' }).catch((e: unknown) => e);
    expect([(misrouted as SdkError).statusCode, (misrouted as SdkError).code]).toEqual([404, 'ambient-api-server-7']);
    // What it means to send: the session's id. The POST's prompt already became message 1.
    const messages = `/sessions/${sessionId}/messages`;
    const pushed = await c.fetch<Json>('POST', messages, { event_type: 'user', payload: 'second' });
    expect(pushed).toMatchObject({ session_id: sessionId, event_type: 'user', payload: 'second' });
    // UPSTREAM BUG: SessionMessageAPI.list expects a list envelope; upstream's server (and ours, as
    // head-contract H5 says) answers a JSON array. The SDK's `items` is undefined on it.
    const listed = await c.fetch<Json[]>('GET', `${messages}${Sdk.qs({ size: 100 })}`);
    expect(Array.isArray(listed)).toBe(true);
    expect(listed.map((m) => [m['event_type'], m['payload']])).toEqual([
      ['user', 'Hello there'],
      ['user', 'second'],
    ]);
    expect(listed.map((m) => Number(m['seq']))).toEqual([...listed.map((m) => Number(m['seq']))].sort((a, b) => a - b));

    // --- CredentialAPI ----------------------------------------------------------------------------
    // CredentialCreateRequest: name, provider, token, url, email, description, labels, annotations.
    const credential = await c.fetch<Json>('POST', '/credentials', {
      name: 'gitlab-main',
      provider: 'gitlab',
      token: 'glpat-abcdefghijklmnopqrst',
      url: 'https://gitlab.example.com',
      labels: '{"team":"a"}',
      annotations: '{"why":"ci"}',
    });
    expectReference(credential, 'Credential', 'credentials');
    expect(credential).toMatchObject({ name: 'gitlab-main', provider: 'gitlab', labels: '{"team":"a"}', annotations: '{"why":"ci"}', has_token: true });
    expect(credential).not.toHaveProperty('token'); // write-only, as upstream's presenter too
    const credentialId = String(credential['id']);
    expect(await c.fetch<Json>('GET', `/credentials/${credentialId}`)).toMatchObject({ id: credentialId });
    expect((await c.fetch<Json>('PATCH', `/credentials/${credentialId}`, { description: 'main' }))['description']).toBe('main');
    expect((await c.listAll('/credentials', 10)).map((x) => x['id'])).toEqual([credentialId]);
    // The SDK has no token call; the Go SDK and the runner's sidecar do (GET /credentials/{id}/token):
    expect(await c.fetch<Json>('GET', `/credentials/${credentialId}/token`)).toEqual({
      credential_id: credentialId,
      provider: 'gitlab',
      token: 'glpat-abcdefghijklmnopqrst',
    });
    expect(await c.fetch('DELETE', `/credentials/${credentialId}`)).toBeUndefined();

    // --- clean-up calls the SDK makes, and its error reading -----------------------------------------
    expect(await c.fetch('DELETE', `${c.agentsPath()}/${agentId}`)).toBeUndefined();
    expect(await c.fetch('DELETE', `/sessions/${sessionId}`)).toBeUndefined();
    const gone = (await c.fetch('GET', `/sessions/${sessionId}`).catch((e: unknown) => e)) as SdkError;
    expect([gone.statusCode, gone.code, gone.reason]).toEqual([404, 'ambient-api-server-7', `Session with id='${sessionId}' not found`]);
    expect(gone.operationId).toMatch(/\S/);
    expect(await global.fetch('DELETE', '/projects/sdk-head')).toBeUndefined();

    // Every request had exactly the SDK's headers: the bearer, the project header when configured,
    // and a JSON content type only when there was a body.
    for (const r of [...global.sent, ...c.sent]) {
      expect(r.headers['Authorization']).toBe(`Bearer ${token}`);
      expect(r.headers['Content-Type']).toBe(r.body === undefined ? undefined : 'application/json');
    }
    expect(c.sent.every((r) => r.headers['X-Ambient-Project'] === 'sdk-head')).toBe(true);
    expect(global.sent.every((r) => !('X-Ambient-Project' in r.headers))).toBe(true);
  });
});
