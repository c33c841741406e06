import { afterAll, beforeAll, expect, test } from 'vitest';
import { V1 } from '../support/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { useServerProcesses } from '../support/process.ts';

/**
 * `kill -9` of the server under mixed write load (issue 16, item 4): afterwards, every 2xx answer
 * is in the database exactly as answered (read back through a new server process), every row has
 * its change events, and each answered write is in the change log as answered.
 *
 * Each worker owns one project and writes its sessions one request at a time (create, two
 * patches, sometimes a delete, now and then a patch of its project), so the last answer about an
 * object is its state — unless a request about it was in flight at the kill, whose outcome is
 * unknown: it committed entirely or not at all.
 */

const start = useServerProcesses();
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

type Json = Record<string, unknown>;
interface Tracked {
  kind: 'projects' | 'sessions';
  /** The last 2xx answer: the body, or `deleted` for a 204 to DELETE. */
  last: Json | 'deleted';
  /** A request about the object that got no answer (the server died). */
  unknown?: 'patch' | 'delete';
  /** Every body answered for a write, oldest first. */
  written: Json[];
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json | undefined }> {
  const res = await fetch(`${base}${V1}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : undefined };
}

test('after kill -9 under write load, every 2xx answer is stored as answered and has its change event', { timeout: 180_000 }, async () => {
  const env = { DATABASE_URL: db.url, LOG_LEVEL: 'info' };
  const first = await start(env);
  const objects = new Map<string, Tracked>();
  let unknownCreates = 0;
  let answered = 0;
  let killed = false;

  const worker = async (w: number) => {
    const project = await call(first.url, 'POST', '/projects', { name: `crash-${w}` });
    expect(project.status).toBe(201);
    const projectId = project.body!['id'] as string;
    objects.set(projectId, { kind: 'projects', last: project.body!, written: [project.body!] });
    for (let i = 0; !killed; i++) {
      // create → patch → patch → (every third) delete; every fifth round also patches the project
      let id: string | undefined;
      const steps: ['create' | 'patch' | 'delete' | 'project', number][] = [
        ['create', 0],
        ['patch', 1],
        ['patch', 2],
        ...(i % 3 === 0 ? [['delete', 3] as ['delete', number]] : []),
        ...(i % 5 === 0 ? [['project', 4] as ['project', number]] : []),
      ];
      for (const [step, n] of steps) {
        if (killed) return;
        const target = step === 'project' ? projectId : id;
        try {
          if (step === 'create') {
            const res = await call(first.url, 'POST', '/sessions', { project_id: projectId, name: `s-${i}`, prompt: `w${w} i${i} created` });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            id = res.body!['id'] as string;
            objects.set(id, { kind: 'sessions', last: res.body!, written: [res.body!] });
          } else if (step === 'delete') {
            objects.get(target!)!.unknown = 'delete';
            const res = await call(first.url, 'DELETE', `/sessions/${target}`);
            expect(res.status).toBe(204);
            Object.assign(objects.get(target!)!, { last: 'deleted', unknown: undefined });
          } else {
            const tracked = objects.get(target!)!;
            tracked.unknown = 'patch';
            const res =
              step === 'project'
                ? await call(first.url, 'PATCH', `/projects/${target}`, { description: `w${w} i${i}` })
                : await call(first.url, 'PATCH', `/sessions/${target}`, { prompt: `w${w} i${i} patch ${n}` });
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            Object.assign(tracked, { last: res.body!, unknown: undefined });
            tracked.written.push(res.body!);
          }
          answered++;
        } catch (error) {
          if (!killed) throw error;
          if (step === 'create') unknownCreates++;
          return;
        }
      }
    }
  };
  let failed: unknown;
  const workers = Array.from({ length: 8 }, (_, w) => worker(w).catch((error: unknown) => void (failed ??= error)));
  // Kill once the load is well under way.
  while (answered < 150 && failed === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
  if (failed !== undefined) throw failed;
  killed = true;
  expect(await first.stop('SIGKILL')).toBe(null);
  await Promise.all(workers);

  // Read everything back through a new process on the same database.
  const second = await start(env);
  let checked = 0;
  for (const [id, tracked] of objects) {
    const now = await call(second.url, 'GET', `/${tracked.kind}/${id}`);
    if (tracked.unknown === undefined) {
      if (tracked.last === 'deleted') expect(now.status, id).toBe(404);
      else expect(now.body, id).toEqual(tracked.last);
      checked++;
    } else if (tracked.unknown === 'delete') {
      expect([200, 404], id).toContain(now.status);
      if (now.status === 200) expect(now.body).toEqual(tracked.last);
    } else {
      // The unanswered patch committed or did not: the object is as last answered, or later.
      expect(now.status, id).toBe(200);
      if (!equal(now.body, tracked.last)) expect(String(now.body!['updated_at']) > String((tracked.last as Json)['updated_at'])).toBe(true);
    }
  }
  expect(checked).toBeGreaterThan(30);

  // Every row has its change events, and each answered write is in the change log exactly as answered.
  const projectIds = [...objects].filter(([, t]) => t.kind === 'projects').map(([id]) => id);
  const { rows } = await db.pool.query<{ id: string; kind: string; deleted: boolean; updated_at: string }>(
    `SELECT id, 'Session' AS kind, deleted_at IS NOT NULL AS deleted, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
       FROM sessions WHERE project_id = ANY($1)
     UNION ALL
     SELECT id, 'Project', deleted_at IS NOT NULL, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM projects WHERE id = ANY($1)`,
    [projectIds],
  );
  expect(rows.length).toBeGreaterThanOrEqual(objects.size);
  expect(rows.length).toBeLessThanOrEqual(objects.size + unknownCreates);
  const events = await db.pool.query<{ object_id: string; kind: string; type: string; object: Json }>(
    'SELECT object_id, kind, type, object FROM change_events WHERE object_id = ANY($1) ORDER BY seq',
    [rows.map((r) => r.id)],
  );
  const byObject = new Map<string, { kind: string; type: string; object: Json }[]>();
  for (const e of events.rows) {
    // The pool's parsers leave jsonb as its text (src/db/sql.ts).
    const object = typeof e.object === 'string' ? (JSON.parse(e.object) as Json) : e.object;
    byObject.set(e.object_id, [...(byObject.get(e.object_id) ?? []), { ...e, object }]);
  }
  for (const row of rows) {
    const log = byObject.get(row.id) ?? [];
    expect(log[0]?.type, `${row.kind} ${row.id} has its ADDED event`).toBe('ADDED');
    expect(log.every((e) => e.kind === row.kind)).toBe(true);
    const last = log.at(-1)!;
    expect(last.type, row.id).toBe(row.deleted ? 'DELETED' : log.length === 1 ? 'ADDED' : 'MODIFIED');
    // A DELETED event carries the object's reference only; the others its state.
    if (!row.deleted) expect(last.object['updated_at'], row.id).toBe(row.updated_at);
    else expect(last.object['id']).toBe(row.id);
  }
  for (const [id, tracked] of objects) {
    const log = (byObject.get(id) ?? []).filter((e) => e.type !== 'DELETED');
    expect(
      log.map((e) => e.object),
      id,
    ).toEqual(expect.arrayContaining(tracked.written));
  }
  await second.stop('SIGTERM');
});

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
