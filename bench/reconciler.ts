/**
 * Reconciler benchmark: 10,000 started sessions in 100 projects reconciled from a cold start
 * against the fake Kubernetes API server (real client, real HTTP), then a full resync.
 *
 * Reports sessions per second and Kubernetes API calls per session. The ideal is one create per
 * object during the cold start and no call at all on the resync. Run with
 * `node --import tsx bench/reconciler.ts` (BENCH_SESSIONS, BENCH_PROJECTS to change the size).
 */
import { Registry } from 'prom-client';
import { loadConfig } from '../src/config.ts';
import { createPool } from '../src/db/database.ts';
import { ksuid } from '../src/domain/ksuid.ts';
import { createLogger } from '../src/log.ts';
import { startReconciler } from '../src/reconciler/index.ts';
import { createServices } from '../src/services.ts';
import { FakeKube, kubeConfigFor } from '../test/support/fake-kube/index.ts';
import { loadBenchConfig } from './config.ts';
import { openBenchDatabase } from './database.ts';

const sessions = Number(process.env['BENCH_SESSIONS'] ?? 10_000);
const projects = Number(process.env['BENCH_PROJECTS'] ?? 100);
const log = createLogger(process.env['LOG_LEVEL'] ?? 'error');

const database = await openBenchDatabase({ ...loadBenchConfig(), databaseName: 'ambient_bench_reconciler' }, log);
const pool = createPool(database.url, 10, log);
const fake = await FakeKube.start({ historyLimit: sessions * 4 });
try {
  // Started sessions (phase Pending) in live projects: what a reconciler sees after an outage.
  const projectRows = Array.from({ length: projects }, (_, i) => ({ id: ksuid(), name: `bench-${i}` }));
  await pool.query(`INSERT INTO projects (id, name, created_at, updated_at) SELECT * , now(), now() FROM unnest($1::text[], $2::text[])`, [
    projectRows.map((p) => p.id),
    projectRows.map((p) => p.name),
  ]);
  const ids = Array.from({ length: sessions }, () => ksuid());
  await pool.query(
    `INSERT INTO sessions (id, project_id, name, kube_cr_name, kube_namespace, phase, repos, created_at, updated_at)
     SELECT s.id, p.id, 'bench', 'session-' || lower(s.id), p.name, 'Pending', '[{"url":"https://github.com/acme/web"}]'::jsonb, now(), now()
       FROM unnest($1::text[]) WITH ORDINALITY AS s(id, n) JOIN unnest($2::text[], $3::text[]) WITH ORDINALITY AS p(id, name, m) ON p.m = (s.n % $4) + 1`,
    [ids, projectRows.map((p) => p.id), projectRows.map((p) => p.name), projects],
  );
  await pool.query('ANALYZE');

  const config = loadConfig({ RECONCILER_RESYNC_SECONDS: '86400' });
  const services = createServices({ pool, connectionString: database.url }, config, log);
  await services.feed.start();
  const started = performance.now();
  const reconciler = startReconciler({
    config,
    database: { pool, connectionString: database.url },
    services,
    log,
    registry: new Registry(),
    kubeConfig: kubeConfigFor(fake),
    leaderIntervalMs: 100,
  })!;
  while (!reconciler.controller) await new Promise((r) => setTimeout(r, 20));
  const controller = reconciler.controller;
  // Done when every CR exists and its uid is written back (which itself triggers one more pass).
  for (;;) {
    await controller.idle();
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM sessions WHERE kube_cr_uid IS NULL`);
    if (rows[0]!.n === 0 && fake.list('agenticsessions').length === sessions) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await controller.idle();
  const coldMs = performance.now() - started;
  const writes = (method: string) => fake.requests.filter((r) => r.method === method && !r.query['watch']).length;
  const cold = { POST: writes('POST'), PATCH: writes('PATCH'), DELETE: writes('DELETE'), GET: writes('GET') };

  fake.clearRequests();
  const resyncStarted = performance.now();
  await controller.resyncAll();
  await controller.idle();
  const resyncMs = performance.now() - resyncStarted;
  const resync = { POST: writes('POST'), PATCH: writes('PATCH'), DELETE: writes('DELETE'), GET: writes('GET') };

  await reconciler.stop();
  await services.feed.stop();

  const objects = sessions + projects;
  const rows = [
    [
      'cold start',
      `${sessions} sessions, ${projects} namespaces`,
      `${(coldMs / 1000).toFixed(1)} s`,
      `${Math.round((sessions / coldMs) * 1000)} sessions/s`,
      JSON.stringify(cold),
      ((cold.POST + cold.PATCH + cold.DELETE + cold.GET) / objects).toFixed(3),
    ],
    [
      'full resync',
      `${objects} keys`,
      `${(resyncMs / 1000).toFixed(1)} s`,
      `${Math.round((objects / resyncMs) * 1000)} keys/s`,
      JSON.stringify(resync),
      ((resync.POST + resync.PATCH + resync.DELETE + resync.GET) / objects).toFixed(3),
    ],
  ];
  console.log('| phase | objects | time | rate | API calls (list/watch excluded) | calls per object |');
  console.log('| --- | --- | ---: | ---: | --- | ---: |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} finally {
  await fake.close();
  await pool.end();
  await database.close();
}
