import { describe, expect, test } from 'vitest';
import { ALIAS, V1, useApi } from '../support/api.ts';

/**
 * The platform's official TypeScript SDK, reduced to exactly the calls it makes: `{baseUrl}{base}/<plural>`
 * with `Authorization: Bearer` and `X-Ambient-Project`, `Content-Type: application/json` only with a
 * body, no body on start/stop, paging until `page*size >= total`, errors read by code, reason and
 * operation_id. Both base paths must work for it unchanged.
 */

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
    readonly operationId: string,
  ) {
    super(`${code}: ${reason}`);
  }
}

interface ListPage<T> {
  kind: string;
  page: number;
  size: number;
  total: number;
  items: T[];
}

type Session = { id: string; name: string; phase?: string; project_id: string };

class SdkClient {
  constructor(
    private readonly baseUrl: string,
    private readonly base: string,
    private readonly token: string,
    private readonly project: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}`, 'X-Ambient-Project': this.project };
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(`${this.baseUrl}${this.base}${path}`, init);
    if (res.status === 204) return undefined as T;
    const json = (await res.json()) as Record<string, string>;
    if (!res.ok) throw new ApiError(res.status, json['code']!, json['reason']!, json['operation_id']!);
    return json as T;
  }

  createSession(body: { name: string; prompt?: string }) {
    return this.call<Session>('POST', '/sessions', body);
  }
  getSession(id: string) {
    return this.call<Session>('GET', `/sessions/${id}`);
  }
  startSession(id: string) {
    return this.call<Session>('POST', `/sessions/${id}/start`);
  }
  stopSession(id: string) {
    return this.call<Session>('POST', `/sessions/${id}/stop`);
  }
  deleteSession(id: string) {
    return this.call<undefined>('DELETE', `/sessions/${id}`);
  }
  listSessionsPage(page: number, size: number) {
    return this.call<ListPage<Session>>('GET', `/sessions?page=${page}&size=${size}`);
  }
  async *sessions(size: number): AsyncGenerator<Session> {
    for (let page = 1; ; page++) {
      const result = await this.listSessionsPage(page, size);
      yield* result.items;
      if (result.items.length === 0 || page * size >= result.total) return;
    }
  }
}

const api = useApi();

describe.each([
  ['canonical', V1],
  ['alias', ALIAS],
])('the SDK on the %s base path', (_label, base) => {
  test('creates, pages, starts, stops, deletes, and reads errors', async () => {
    const a = api();
    const project = `sdk-${base === V1 ? 'a' : 'b'}`;
    await a.request('POST', `${V1}/projects`, { body: { name: project } });
    const sdk = new SdkClient(a.url, base, 'header.eyJ1c2VybmFtZSI6InNkay11c2VyIn0.signature', project);

    const created = [];
    for (let i = 0; i < 7; i++) created.push(await sdk.createSession({ name: `task-${i}`, prompt: 'p' }));
    expect(created[0]!.project_id).toBe(project); // head-contract H1: a project's id is its name
    const seen: string[] = [];
    for await (const s of sdk.sessions(3)) seen.push(s.name);
    expect(seen).toEqual(created.map((s) => s.name));

    const id = created[0]!.id;
    expect((await sdk.startSession(id)).phase).toBe('Pending');
    expect((await sdk.stopSession(id)).phase).toBe('Stopping');
    const error = await sdk.stopSession(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'ambient-api-server-6',
      reason: 'cannot stop session in phase "Stopping"; must be Running, Creating, or Pending',
    });
    expect((error as ApiError).operationId).toMatch(/^[0-9A-Za-z]{27}$/);

    await sdk.deleteSession(id);
    const missing = await sdk.getSession(id).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, code: 'ambient-api-server-7' });

    // The identity came from the token's claims (development mode reads them unverified).
    const users = await a.request<{ items: { username: string }[] }>('GET', `${V1}/users?search=${encodeURIComponent("username = 'sdk-user'")}`);
    expect(users.body.items).toHaveLength(1);
  });
});
