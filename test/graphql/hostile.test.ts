import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { Project, Session } from '../../src/kinds/index.ts';
import { as, platformAdmin } from '../support/fixtures.ts';
import { useGraphqlServer } from './support.ts';

/**
 * Hostile clients (issue 16 §4) against the real handler over HTTP: while one client attacks,
 * another's probe requests must keep answering quickly and the process must not balloon. The
 * bounds are loose (a shared 2-core CI machine) but far below what the attacks did before the
 * limits: 4.1 GB and 20 s timeouts for the anonymous documents, 11.7 s p99 for the count bomb.
 */

const server = useGraphqlServer();

beforeAll(async () => {
  const admin = as(platformAdmin);
  const project = await server().domain.create(admin, Project, { name: 'hostile' });
  for (let i = 0; i < 20; i++) await server().domain.create(admin, Session, { project_id: project.id, name: `s-${i}` });
  server().actors.set('attacker', { ...platformAdmin, username: 'attacker' });
});

interface Outcome {
  statuses: Map<number, number>;
  probes: number[];
  /** The probe bound for this run: PROBE_P99_MS, or four times the p99 of probes just before the attack on a busier machine. */
  probeBound: number;
  peakRssGrowth: number;
}

async function post(url: string, body: string, token?: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

/**
 * The attacker runs in a process of its own (sending 700 KB bodies costs the sender more than the
 * refusal costs the server): `concurrency` clients send `query` back to back for `ms` while this
 * process probes every 50 ms and samples its own memory.
 */
const ATTACKER = `
const http = require('node:http');
let input = '';
process.stdin.setEncoding('utf8').on('data', (chunk) => (input += chunk)).on('end', () => attack(...JSON.parse(input)));
function attack(url, query, token, concurrency, ms) {
const body = Buffer.from(JSON.stringify({ query }));
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const statuses = {};
const until = Date.now() + ms;
const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', 'Content-Length': body.length };
if (token) headers.Authorization = 'Bearer ' + token;
const once = () => new Promise((resolve) => {
  const req = http.request(url, { method: 'POST', agent, headers }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', () => resolve(0));
  req.end(body);
});
const client = async () => { while (Date.now() < until) { const s = await once(); statuses[s] = (statuses[s] || 0) + 1; } };
Promise.all(Array.from({ length: concurrency }, client)).then(() => { process.stdout.write(JSON.stringify(statuses)); agent.destroy(); });
}
`;

async function underAttack(query: string, options: { token?: string; concurrency: number; ms: number }): Promise<Outcome> {
  const { url } = server();
  const probes: number[] = [];
  const quiet: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await post(url, JSON.stringify({ query: '{ __typename }' }), 'admin');
    quiet.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const child = spawn(process.execPath, ['-e', ATTACKER], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify([url, query, options.token ?? '', options.concurrency, options.ms]));
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Let the attack start before probing.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const until = Date.now() + options.ms - 300;
  while (Date.now() < until) {
    const started = performance.now();
    const { status, text } = await post(url, JSON.stringify({ query: '{ __typename }' }), 'admin');
    probes.push(performance.now() - started);
    expect([status, text]).toEqual([200, '{"data":{"__typename":"Query"}}']);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await exited;
  clearInterval(sampler);
  const statuses = new Map(Object.entries(JSON.parse(output) as Record<string, number>).map(([status, n]) => [Number(status), n]));
  return { statuses, probes, probeBound: Math.max(PROBE_P99_MS, 4 * p99(quiet)), peakRssGrowth: peakRss - baseRss };
}

/**
 * Probe latency bound: generous for a shared, loaded 2-core machine (where a quiet probe can take
 * hundreds of milliseconds; on a busier one the bound is four times the quiet p99), and below the
 * 4.0 s p99 the anonymous attack caused before on the same machine (quiet p99 there: well under 0.5 s).
 */
const PROBE_P99_MS = 2000;

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))]!;

/** About 700 KB: 20,000 aliased counts, as in the attack. */
const aliasBomb = `{ ${Array.from({ length: 20_000 }, (_, i) => `alias${i}: sessions { totalCount }`).join(' ')} }`;

describe('anonymous documents', () => {
  test('700 KB of 20,000 aliases, 8 at a time, without credentials: refused unparsed; probes stay fast, memory flat', async () => {
    expect(JSON.stringify({ query: aliasBomb }).length).toBeGreaterThan(650_000);
    const outcome = await underAttack(aliasBomb, { concurrency: 8, ms: 4000 });
    console.info(
      `anonymous alias bomb: ${JSON.stringify([...outcome.statuses])}, probe p99 ${p99(outcome.probes).toFixed(1)} ms over ${outcome.probes.length}, peak RSS +${(outcome.peakRssGrowth / 2 ** 20).toFixed(0)} MiB`,
    );
    expect([...outcome.statuses.keys()]).toEqual([401]);
    expect(p99(outcome.probes)).toBeLessThan(outcome.probeBound);
    expect(outcome.peakRssGrowth).toBeLessThan(256 * 2 ** 20);
  });

  test('the 401 is the GraphQL error with code 15, before any of the document is read', async () => {
    const res = await post(server().url, JSON.stringify({ query: aliasBomb }));
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toEqual({
      errors: [{ message: 'Account authentication could not be verified', extensions: { code: 15, name: 'Unauthenticated' } }],
    });
  });
});

describe('authenticated hostile documents', () => {
  test('the same document from a caller is refused by its size in tokens, cheaply', async () => {
    const res = await post(server().url, JSON.stringify({ query: aliasBomb }), 'attacker');
    const body = JSON.parse(res.text) as { errors: { message: string; extensions: { code: number } }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 21 } });
    expect(body.errors[0]!.message).toMatch(/^Syntax Error: Document contains more tha[nt] \d+ tokens/);
    const outcome = await underAttack(aliasBomb, { token: 'attacker', concurrency: 8, ms: 3000 });
    console.info(
      `authenticated alias bomb: ${JSON.stringify([...outcome.statuses])}, probe p99 ${p99(outcome.probes).toFixed(1)} ms, peak RSS +${(outcome.peakRssGrowth / 2 ** 20).toFixed(0)} MiB`,
    );
    expect([...outcome.statuses.keys()]).toEqual([200]); // application/json: errors answer 200
    expect(p99(outcome.probes)).toBeLessThan(outcome.probeBound);
    expect(outcome.peakRssGrowth).toBeLessThan(256 * 2 ** 20);
  });
});

describe('count bombs and expensive operations', () => {
  const stats = { parsed: 0, validated: 0, planned: 0 };
  const limited = useGraphqlServer({ expensive: { concurrent: 1, queued: 1, waitMs: 1000 }, documentStats: stats });

  beforeAll(async () => {
    const project = await limited().domain.create(as(platformAdmin), Project, { name: 'bombs' });
    for (let i = 0; i < 5; i++) await limited().domain.create(as(platformAdmin), Session, { project_id: project.id, name: `b-${i}` });
    limited().actors.set('other', { ...platformAdmin, username: 'other' });
  });

  async function graphql(url: string, query: string, token = 'admin', variables?: unknown) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      ...((await res.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] }),
    };
  }

  test('counts are priced as database work: 200 aliased totalCounts are refused, a few pass', async () => {
    const statementsBefore = limited().statements.count;
    const bomb = await graphql(limited().url, `{ ${Array.from({ length: 200 }, (_, i) => `c${i}: sessions { totalCount }`).join(' ')} }`);
    expect(bomb.errors?.[0]).toMatchObject({ extensions: { code: 21 } });
    expect(bomb.errors?.[0]?.message).toMatch(/^query complexity \d+ exceeds the maximum of 15000$/);
    // Refused before anything ran: not one count was sent (the role lookup of the context aside).
    expect(limited().statements.count - statementsBefore).toBeLessThanOrEqual(2);
    const few = await graphql(limited().url, `{ ${Array.from({ length: 5 }, (_, i) => `c${i}: sessions { totalCount }`).join(' ')} }`);
    expect(few.errors).toBeUndefined();
    expect(few.data).toEqual(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`c${i}`, { totalCount: 5 }])));
  });

  test("the issue's 5,000 aliased counts are refused, and probes stay fast meanwhile", async () => {
    const bomb = `{ ${Array.from({ length: 5000 }, (_, i) => `c${i}: sessions { totalCount }`).join(' ')} }`;
    const refused = await graphql(server().url, bomb, 'attacker');
    expect(refused.errors?.[0]?.extensions['code']).toBe(21);
    const outcome = await underAttack(bomb, { token: 'attacker', concurrency: 8, ms: 3000 });
    console.info(
      `count bomb: ${JSON.stringify([...outcome.statuses])}, probe p99 ${p99(outcome.probes).toFixed(1)} ms, peak RSS +${(outcome.peakRssGrowth / 2 ** 20).toFixed(0)} MiB`,
    );
    expect(p99(outcome.probes)).toBeLessThan(outcome.probeBound);
    expect(outcome.peakRssGrowth).toBeLessThan(256 * 2 ** 20);
  });

  test('nodes(ids:) takes at most 100 ids, as literals or as a variable', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    const literal = await graphql(limited().url, `{ nodes(ids: ${JSON.stringify(ids)}) { id } }`);
    expect(literal.errors?.[0]).toMatchObject({ message: 'ids must hold at most 100 ids', extensions: { code: 8, field: 'ids' } });
    const variable = await graphql(limited().url, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', 'admin', { ids });
    expect(variable.errors?.[0]).toMatchObject({ message: 'ids must hold at most 100 ids', extensions: { code: 8, field: 'ids' } });
    const sessions = (await graphql(limited().url, '{ sessions(first: 5) { nodes { id } } }')).data as { sessions: { nodes: { id: string }[] } };
    const known = Array.from({ length: 100 }, (_, i) => sessions.sessions.nodes[i % 5]!.id);
    const hundred = await graphql(limited().url, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', 'admin', { ids: known });
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data).toEqual({ nodes: known.map((id) => ({ id })) });
  });

  test('a caller runs a bounded number of expensive operations at once: the rest wait, then get 429 code 34 with Retry-After', async () => {
    // About 7,000: a full page with every field the frontend selects (expensive from EXPENSIVE_COST, 2,000).
    const documents = fs.readFileSync(new URL('../../graphql/sessions.graphql', import.meta.url), 'utf8');
    const fragment = /^fragment SessionFields on Session \{$[\s\S]*?^\}$/m.exec(documents)![0];
    const page = `{ sessions(first: 100) { totalCount nodes { ...SessionFields project { id name } } } } ${fragment}`;
    const answers = await Promise.all(Array.from({ length: 12 }, () => graphql(limited().url, page)));
    const refused = answers.filter((a) => a.status === 429);
    const served = answers.filter((a) => a.status === 200);
    expect(refused.length + served.length).toBe(12);
    expect(served.length).toBeGreaterThanOrEqual(2); // one running, one waiting
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of served) expect(answer.errors).toBeUndefined();
    for (const answer of refused) {
      expect(answer.retryAfter).toBe('1');
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 34, name: 'TooManyRequests' } });
    }
    // Meanwhile another caller is not held back, and cheap operations never wait.
    const [mine, theirs] = await Promise.all([
      graphql(limited().url, page, 'admin'),
      graphql(limited().url, page, 'other'),
      graphql(limited().url, '{ __typename }'),
    ]);
    expect(mine.errors).toBeUndefined();
    expect(theirs.errors).toBeUndefined();
  });

  test('a document is parsed, validated and priced once, however often it is sent', async () => {
    const query = 'query Once($n: Int) { sessions(first: $n) { nodes { id } } }';
    const before = { ...stats };
    for (const n of [1, 2, 3]) expect((await graphql(limited().url, query, 'admin', { n })).errors).toBeUndefined();
    expect({ parsed: stats.parsed - before.parsed, validated: stats.validated - before.validated, planned: stats.planned - before.planned }).toEqual({
      parsed: 1,
      validated: 1,
      planned: 1,
    });
    // Priced with each request's variables: the same document over the limit with a larger page.
    const nested = 'query Nested($n: Int) { projects(first: $n) { nodes { sessions(first: 100) { nodes { id name phase } } } } }';
    expect((await graphql(limited().url, nested, 'admin', { n: 2 })).errors).toBeUndefined();
    expect((await graphql(limited().url, nested, 'admin', { n: 100 })).errors?.[0]?.message).toMatch(/^query complexity \d+ exceeds/);
  });
});
