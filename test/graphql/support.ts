import { SessionRuntime } from '../../src/domain/session-runtime.ts';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createPool } from '../../src/db/database.ts';
import type { Actor } from '../../src/auth/actor.ts';
import { AguiService } from '../../src/agui/service.ts';
import { SecretBox } from '../../src/auth/secret-box.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { Domain } from '../../src/domain/service.ts';
import { SessionActions } from '../../src/domain/session-actions.ts';
import { createGraphqlHandler, type GraphqlOptions } from '../../src/graphql/handler.ts';
import { ChangeFeed, type ChangeFeedOptions } from '../../src/live/change-feed.ts';
import { RunnerClient } from '../../src/runner/client.ts';
import { createApiServer, type ApiServer } from '../../src/server/server.ts';
import { createTestDatabase, testLog, type TestDatabase } from '../support/database.ts';
import { TEST_KEY } from '../support/domain.ts';
import { platformAdmin } from '../support/fixtures.ts';
import { SessionMessages } from '../../src/domain/session-messages.ts';
import { Agents } from '../../src/domain/agents.ts';
import { SessionMessageFeed } from '../../src/live/session-message-feed.ts';

/**
 * The GraphQL API over real HTTP on a database of its own, called with the typed documents that
 * GraphQL Code Generator made from `graphql/*.graphql`. Callers are chosen per request: the
 * bearer token names one of the actors the test registered (`platformAdmin` is `admin`). A
 * change feed runs for subscriptions (on a pool of its own, so statement counts leave it out).
 */

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: number; name: string; field?: string; issues?: { field: string; message: string }[] } & Record<string, unknown>;
}

export interface GraphqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: GraphqlError[];
}

type PersistedDocument = { __meta__?: { hash?: string } };

export interface Harness {
  db: TestDatabase;
  domain: Domain;
  feed: ChangeFeed;
  api: ApiServer;
  /** The GraphQL endpoint. */
  url: string;
  /** Registers a caller; requests with `as: name` run as it. */
  actors: Map<string, Actor>;
  /** SQL statements sent by the server's pool since the last reset. */
  statements: { count: number; texts: string[]; reset(): void };
  execute<T, V>(document: TypedDocumentNode<T, V>, variables?: V, options?: { as?: string; persisted?: boolean }): Promise<GraphqlResponse<T>>;
  /** The data of a request that must succeed (fails the test with the errors otherwise). */
  data<T, V>(document: TypedDocumentNode<T, V>, variables?: V, options?: { as?: string }): Promise<T>;
  /** The errors of a request that must fail. */
  errors<T, V>(document: TypedDocumentNode<T, V>, variables?: V, options?: { as?: string }): Promise<GraphqlError[]>;
}

export interface HarnessOptions extends Partial<Pick<GraphqlOptions, 'graphiql' | 'introspection' | 'trustedDocuments' | 'expensive' | 'documentStats'>> {
  feed?: Pick<ChangeFeedOptions, 'maxQueue'>;
  /** Where session runners are (the fake runner's template); default: nowhere that answers. */
  runnerUrlTemplate?: () => string;
}

export function useGraphqlServer(options: HarnessOptions = {}): () => Harness {
  let harness: Harness;
  let api: ApiServer;
  let pool: pg.Pool;
  let feed: ChangeFeed;
  beforeAll(async () => {
    const db = await createTestDatabase();
    const statements = { count: 0, texts: [] as string[], reset: () => ((statements.count = 0), (statements.texts = [])) };
    /** Counts every statement the server sends, Prisma's and the domain layer's alike. */
    class CountingClient extends pg.Client {
      override query(...args: unknown[]): never {
        statements.count++;
        const text = args[0];
        statements.texts.push(typeof text === 'string' ? text : String((text as { text?: string }).text));
        return (super.query as (...a: unknown[]) => never)(...args);
      }
    }
    pool = createPool(db.url, 10, testLog, CountingClient);
    const domain = new Domain(pool, { secrets: new SecretBox([TEST_KEY]) });
    const actors = new Map<string, Actor>([['admin', platformAdmin]]);
    feed = new ChangeFeed(db.pool, { connectionString: db.url, log: testLog, ...options.feed });
    await feed.start();
    const runner = new RunnerClient({ urlTemplate: options.runnerUrlTemplate?.() ?? 'http://127.0.0.1:9/{session}', log: testLog });
    const handler = createGraphqlHandler({
      domain,
      feed,
      agui: new AguiService({ domain, runner, changes: feed, connectionString: db.url, log: testLog }),
      sessionActions: new SessionActions(domain, runner),
      messages: new SessionMessages(domain),
      agents: new Agents(domain),
      runtime: new SessionRuntime(domain, runner, testLog),
      messageFeed: new SessionMessageFeed(db.pool, { connectionString: db.url, log: testLog }),
      resolveActor: async (req) => {
        const actor = actors.get(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
        if (!actor) throw new DomainError(15);
        return actor;
      },
      graphiql: options.graphiql ?? true,
      introspection: options.introspection ?? true,
      corsOrigins: [],
      log: testLog,
      ...(options.trustedDocuments ? { trustedDocuments: options.trustedDocuments } : {}),
      ...(options.expensive ? { expensive: options.expensive } : {}),
      ...(options.documentStats ? { documentStats: options.documentStats } : {}),
    });
    api = createApiServer({
      database: { pool, connectionString: db.url, mode: 'external', check: async () => ({ ok: true }), close: async () => undefined },
      log: testLog,
      version: '0.0.0',
      buildTime: '2026-01-01T00:00:00.000Z',
      handlers: [handler],
    });
    const { port } = await api.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/graphql`;
    const execute: Harness['execute'] = async (document, variables, opts = {}) => {
      const hash = (document as PersistedDocument).__meta__?.hash;
      const body = opts.persisted ? { documentId: hash, variables } : { query: print(document), variables };
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', Authorization: `Bearer ${opts.as ?? 'admin'}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, ...((await res.json()) as { data?: never; errors?: GraphqlError[] }) };
    };
    harness = {
      db,
      domain,
      feed,
      api,
      url,
      actors,
      statements,
      execute,
      async data(document, variables, opts) {
        const result = await execute(document, variables, opts);
        if (result.errors || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
        return result.data;
      },
      async errors(document, variables, opts) {
        const result = await execute(document, variables, opts);
        if (!result.errors) throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
        return result.errors;
      },
    };
  });
  afterAll(async () => {
    await feed.stop();
    await api.shutdown(1000);
    await pool.end();
    await harness.db.drop();
  });
  return () => harness;
}
