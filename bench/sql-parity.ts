import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import type { UserActor } from '../src/auth/actor.ts';
import { createPool } from '../src/db/database.ts';
import { notificationsSent } from '../src/db/transaction.ts';
import { Domain } from '../src/domain/service.ts';
import { toWire } from '../src/domain/wire.ts';
import { Session } from '../src/kinds/index.ts';
import type { Logger } from '../src/log.ts';
import { createBaselinePool, createSession, getSession, listSessions } from './baseline-sessions.ts';
import { maskVolatile } from './mask.ts';
import { DEVELOPER } from './seed.ts';

/**
 * Proves, before anything is measured, that the baseline sends Postgres exactly what the real
 * server's domain layer sends for each benchmarked operation: the same statement texts, in the
 * same order, with the same parameters (generated ids and timestamps masked), and that both build
 * the same wire object. The statements are captured by wrapping `pg.Client#query` (every pool
 * query and every transaction statement goes through it) while each side runs in this process.
 *
 * What this does not see: the HTTP layers. The real server additionally looks the caller up in
 * `users` (once per 30 s, src/auth/provisioning.ts) and runs no other statement per request.
 */

export interface Statement {
  text: string;
  values: unknown[];
}

export interface OperationStatements {
  operation: string;
  statements: Statement[];
}

export class ParityError extends Error {}

/** Runs `work` and returns the statements it sent. Not reentrant: one capture at a time. */
export async function capture(work: () => Promise<unknown>): Promise<{ statements: Statement[]; result: unknown }> {
  const statements: Statement[] = [];
  const original = pg.Client.prototype.query;
  // pg's overloads make the signature unwieldy; the wrapper only looks at text and values.
  const wrapped = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text: string; values?: unknown[] };
    const text = typeof config === 'string' ? config : config.text;
    const values = Array.isArray(args[1]) ? (args[1] as unknown[]) : typeof config === 'string' ? [] : (config.values ?? []);
    statements.push({ text, values: structuredClone(values) });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = wrapped as typeof original;
  try {
    const result = await work();
    // The NOTIFY of a committed write goes out just after it, from the pool (src/db/transaction.ts).
    await notificationsSent();
    return { statements, result };
  } finally {
    pg.Client.prototype.query = original;
  }
}

export function compareStatements(operation: string, ours: Statement[], baseline: Statement[], ids: readonly string[]): void {
  const problems: string[] = [];
  const count = Math.max(ours.length, baseline.length);
  for (let i = 0; i < count; i++) {
    const a = ours[i];
    const b = baseline[i];
    if (!a || !b) problems.push(`statement ${i + 1}: only ${a ? 'the real server' : 'the baseline'} runs ${JSON.stringify((a ?? b)!.text)}`);
    else if (a.text !== b.text) problems.push(`statement ${i + 1}: texts differ\n  real:     ${JSON.stringify(a.text)}\n  baseline: ${JSON.stringify(b.text)}`);
    else if (!isDeepStrictEqual(maskVolatile(a.values, ids), maskVolatile(b.values, ids))) {
      problems.push(`statement ${i + 1}: parameters differ\n  real:     ${JSON.stringify(a.values)}\n  baseline: ${JSON.stringify(b.values)}`);
    }
  }
  if (problems.length > 0)
    throw new ParityError(`SQL parity (${operation}): the baseline no longer runs the real server's statements:\n${problems.join('\n')}`);
}

function compareWire(operation: string, ours: unknown, baseline: unknown, ids: readonly string[]): void {
  // Key order is part of the wire form, so compare the serialized text, not the objects.
  const a = JSON.stringify(maskVolatile(ours, ids));
  const b = JSON.stringify(maskVolatile(baseline, ids));
  if (a !== b) throw new ParityError(`wire parity (${operation}): the objects differ\n  real:     ${a}\n  baseline: ${b}`);
}

export interface ParityInput {
  databaseUrl: string;
  userId: string;
  /** Project (name) whose sessions are listed, project (name) sessions are created in, a session id. */
  listProject: string;
  createProject: string;
  sessionId: string;
  log: Logger;
}

/** Checks the three operations; returns the statements each runs (for the report). */
export async function checkSqlParity(input: ParityInput): Promise<OperationStatements[]> {
  const ours = createPool(input.databaseUrl, 2, input.log);
  const baseline = createBaselinePool(input.databaseUrl, 2);
  const domain = new Domain(ours);
  // What DevelopmentAuthenticator makes of every request (src/auth/authenticate.ts).
  const actor: UserActor = { type: 'user', userId: input.userId, username: DEVELOPER, groups: [], platformAdmin: true };
  try {
    const report: OperationStatements[] = [];

    const listReal = await capture(async () => {
      const page = await domain.list({ actor, projectScope: input.listProject }, Session, { size: 100 });
      return page.rows.map((row) => toWire(Session, row));
    });
    const listBase = await capture(async () => (await listSessions(baseline, input.listProject, 1, 100)).items);
    compareStatements('list', listReal.statements, listBase.statements, []);
    compareWire('list', listReal.result, listBase.result, []);
    report.push({ operation: 'list', statements: listReal.statements });

    const getReal = await capture(async () => toWire(Session, await domain.get({ actor }, Session, input.sessionId)));
    const getBase = await capture(() => getSession(baseline, input.sessionId));
    compareStatements('get', getReal.statements, getBase.statements, []);
    compareWire('get', getReal.result, getBase.result, []);
    report.push({ operation: 'get', statements: getReal.statements });

    const createReal = await capture(async () => toWire(Session, await domain.create({ actor }, Session, { name: 'bench', project_id: input.createProject })));
    const createBase = await capture(() => createSession(baseline, 'bench', input.createProject, input.userId));
    const ids = [(createReal.result as { id: string }).id, (createBase.result as { id: string }).id];
    compareStatements('create', createReal.statements, createBase.statements, ids);
    compareWire('create', createReal.result, createBase.result, ids);
    report.push({ operation: 'create', statements: createReal.statements });
    return report;
  } finally {
    await Promise.all([ours.end(), baseline.end()]);
  }
}
