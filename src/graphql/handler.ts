import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { useGraphQLSSE } from '@graphql-yoga/plugin-graphql-sse';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { ExecutionResult } from 'graphql';
// The CommonJS build of graphql, as Pothos and yoga load it (bundlers may pick the ES build, a second copy).
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { TOKEN_HEADER_KEY, TOKEN_QUERY_KEY } from 'graphql-sse';
import { createYoga, isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { Actor } from '../auth/actor.ts';
import { DomainError, ERROR_CODES } from '../domain/errors.ts';
import type { Domain } from '../domain/service.ts';
import type { SessionActions } from '../domain/session-actions.ts';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { AguiService } from '../agui/service.ts';
import type { ChangeFeed } from '../live/change-feed.ts';
import type { Logger } from '../log.ts';
import { applyCors } from '../server/cors.ts';
import { sendBody } from '../server/respond.ts';
import type { RouteHandler } from '../server/server.ts';
import type { SessionRuntime } from '../domain/session-runtime.ts';
import type { Services } from '../services.ts';
import type { SessionMessages } from '../domain/session-messages.ts';
import type { Agents } from '../domain/agents.ts';
import type { Integrations } from '../integrations/index.ts';
import type { SessionMessageFeed } from '../live/session-message-feed.ts';
import { ReadAccess } from '../schema/access.ts';
import { ComputedFields } from '../schema/computed.ts';
import type { GraphqlContext, GraphqlServices } from '../schema/context.ts';
import { withErrorCode } from '../schema/errors.ts';
import { schema } from '../schema/index.ts';
import { documentLimits, type DocumentStats } from './documents.ts';
import { DEFAULT_EXPENSIVE_LIMITS, ExpensiveOperations, type ExpensiveLimits } from './expensive.ts';
import { ResponseStreams, isStreaming } from './streaming.ts';

/**
 * GraphQL over HTTP at `/graphql` (graphql-yoga), for the frontend. Subscriptions stream over
 * Server-Sent Events: yoga's own (`Accept: text/event-stream` at `/graphql`) and the graphql-sse
 * protocol at `/graphql/stream`, in both its distinct and single connection modes.
 *
 * Every operation runs as the actor `resolveActor` returns for the request (the auth issue plugs
 * real authentication in there; a DomainError 15 from it answers 401). Per environment:
 * GraphiQL (served fully offline, with the repository's example operations preloaded) and
 * introspection. With trusted documents configured, clients send a document's hash instead of its
 * text, and — unless arbitrary operations stay allowed — only those documents run.
 */

export const GRAPHQL_PATH = '/graphql';
/** The graphql-sse protocol's endpoint. */
export const GRAPHQL_STREAM_PATH = '/graphql/stream';

/** GraphQL request bodies larger than this are refused (413 code 32), as for REST. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface TrustedDocuments {
  /** Document hash (sha256, hex) → document text: see trustedDocumentsManifest(). */
  documents: ReadonlyMap<string, string>;
  /** Also run operations sent as text (development); false in production locks the API to the manifest. */
  allowArbitraryOperations: boolean;
}

export interface GraphqlOptions {
  domain: Domain;
  sessionActions: SessionActions;
  /** The change feed subscriptions read (started by the caller). */
  feed: ChangeFeed;
  /** AG-UI runs, history and event streams (started by the caller). */
  agui: AguiService;
  /** Session message logs and their streams (head-contract H5). */
  messages: SessionMessages;
  messageFeed: SessionMessageFeed;
  /** Agents' start, ignition and project home (head-contract H3). */
  agents: Agents;
  /** The running session's runner views and Kubernetes views (runtime.md §d). */
  runtime: SessionRuntime;
  /** Credential tokens (head-contract H7); without it, `credentialToken` answers 503. */
  integrations?: Integrations;
  /** Who is calling; rejects with DomainError 15 when the request carries no usable credentials. */
  resolveActor(req: IncomingMessage): Promise<Actor>;
  graphiql: boolean;
  introspection: boolean;
  corsOrigins: readonly string[];
  log: Logger;
  trustedDocuments?: TrustedDocuments;
  /** Per-caller bound on concurrent expensive operations (src/graphql/expensive.ts). */
  expensive?: ExpensiveLimits;
  /** Counts of the documents parsed, validated and priced (the rest came from the cache); for tests. */
  documentStats?: DocumentStats;
}

interface ServerContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** The caller, authenticated before the request's body is read (absent for GraphiQL's page). */
  actor?: Actor;
}

/** Who a caller is, for per-caller limits. */
function callerKey(actor: Actor): string {
  if (actor.type === 'user') return `user:${actor.username}`;
  if (actor.type === 'key') return `key:${actor.keyId}`;
  return `system:${actor.name}`;
}

/**
 * The answer to a request without usable credentials: the GraphQL error with code 15, shaped as
 * execution errors are. Its body is never parsed. A body within the size limit is discarded as it
 * arrives, so the client reads the answer (closing on unread data would reset the connection and
 * lose it); a larger or unbounded one closes the connection at once.
 */
function sendUnauthenticated(req: IncomingMessage, res: ServerResponse, error: DomainError): void {
  const body = { errors: [{ message: error.reason, extensions: { code: error.code, name: ERROR_CODES[error.code].name } }] };
  const type = (req.headers.accept ?? '').includes('application/graphql-response+json') ? 'application/graphql-response+json' : 'application/json';
  const headers: Record<string, string> = {
    'Content-Type': `${type}; charset=utf-8`,
    'WWW-Authenticate': 'Bearer realm="ambient-api-server/v1"',
    Vary: 'Authorization',
  };
  const declared = Number(req.headers['content-length'] ?? 0);
  const unbounded = declared > MAX_BODY_BYTES || (req.headers['transfer-encoding'] !== undefined && declared === 0);
  if (unbounded) headers['Connection'] = 'close';
  sendBody(req, res, error.status, JSON.stringify(body), headers);
  if (unbounded) {
    res.once('finish', () => req.destroy());
    return;
  }
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_BODY_BYTES) req.destroy();
  });
}

/** The settings of a GraphQL endpoint; everything else comes from the server's services. */
export type GraphqlSettings = Pick<GraphqlOptions, 'graphiql' | 'introspection' | 'corsOrigins' | 'log' | 'trustedDocuments'>;

/** The GraphQL handler over a server's services, wired as `src/main.ts` serves it. */
export function graphqlHandlerFor(services: Services, settings: GraphqlSettings): RouteHandler {
  return createGraphqlHandler({
    domain: services.domain,
    sessionActions: services.sessions,
    feed: services.feed,
    agui: services.agui,
    messages: services.messages,
    messageFeed: services.messageFeed,
    agents: services.agents,
    runtime: services.runtime,
    integrations: services.integrations,
    resolveActor: (req) => services.authenticator.authenticate(req),
    ...settings,
  });
}

const EXAMPLES_DIR = fileURLToPath(new URL('../../graphql/', import.meta.url));

/** The repository's operation documents, one GraphiQL tab each. */
function exampleTabs(): { query: string }[] {
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => ({ query: fs.readFileSync(path.join(EXAMPLES_DIR, name), 'utf8') }));
}

type WithCodes = <R extends Pick<ExecutionResult, 'errors'>>(result: R) => R;

/** A result's errors with the contract's numeric codes (see src/schema/errors.ts). */
function withErrorCodes(log: Logger): WithCodes {
  const unexpected = (cause: unknown) => log.error({ err: cause }, 'graphql: unexpected error');
  return (result) => (result.errors ? { ...result, errors: result.errors.map((e) => withErrorCode(e, unexpected)) } : result);
}

/**
 * Every error of every response gets the contract's numeric code — execution errors, those raised
 * before execution (parsing, validation, context), and those of each event of a stream. (The
 * graphql-sse endpoint bypasses this hook: its results are coded as they are sent.)
 */
function numericErrorCodes(withCodes: WithCodes): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map(withCodes));
      else if (isAsyncIterable(result)) setResult(mapAsyncIterator(result, withCodes));
      else setResult(withCodes(result));
    },
  };
}

/**
 * graphql-sse tells a result from execution arguments by its `data` key, which graphql-js leaves out
 * when a subscription fails before its first event (NotFound, Gone): without one, the client would
 * get a 400 "Unable to detect operation AST" instead of the error.
 */
const subscriptionErrorsWithData: Plugin = {
  onSubscribe: () => ({
    onSubscribeResult({ result, setResult }) {
      if (!isAsyncIterable(result) && !('data' in result)) setResult({ data: null, ...result });
    },
  }),
};

const withoutIntrospection: Plugin = {
  onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule),
};

const SHA256_PREFIX = /^sha256:/;

/**
 * Trusted documents from a persisted-documents manifest (`{"sha256:<hex>": "<document>"}`, as
 * GraphQL Code Generator's client preset writes it; the prefix is optional).
 */
export function trustedDocumentsManifest(manifest: Record<string, string>): ReadonlyMap<string, string> {
  return new Map(Object.entries(manifest).map(([hash, document]) => [hash.replace(SHA256_PREFIX, ''), document]));
}

/** A persisted document's hash: GraphQL-over-HTTP `documentId`, or the APQ-style extension. */
function persistedDocumentId(params: object): string | null {
  const { documentId, extensions } = params as { documentId?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
  if (typeof documentId === 'string') return documentId.replace(SHA256_PREFIX, '');
  const hash = extensions?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : null;
}

/**
 * The graphql-sse endpoint parses operation texts itself, past the persisted-operations plugin: with
 * trusted documents enforced, only the text of a trusted document is accepted there.
 */
function trustedTextsOnly(documents: ReadonlyMap<string, string>): Plugin {
  const texts = new Set(documents.values());
  return {
    onParse({ params }) {
      if (!texts.has(String(params.source))) throw new DomainError(21, 'only persisted documents are accepted');
    },
  };
}

export function createGraphqlHandler(options: GraphqlOptions): RouteHandler {
  const services: GraphqlServices = {
    domain: options.domain,
    sessionActions: options.sessionActions,
    prisma: new PrismaClient({ adapter: new PrismaPg(options.domain.pool) }),
    feed: options.feed,
    agui: options.agui,
    messages: options.messages,
    messageFeed: options.messageFeed,
    agents: options.agents,
    runtime: options.runtime,
    integrations: options.integrations,
  };
  const streams = new ResponseStreams(options.log);
  const withCodes = withErrorCodes(options.log);
  /** The Node request and response behind each Fetch request: graphql-sse's hooks see only the latter. */
  const nodeRequests = new WeakMap<Request, ServerContext>();
  const plugins: Plugin[] = [];
  if (!options.introspection) plugins.push(withoutIntrospection);
  const trusted = options.trustedDocuments;
  if (trusted) {
    plugins.push(
      usePersistedOperations({
        getPersistedOperation: (hash) => trusted.documents.get(hash) ?? null,
        allowArbitraryOperations: trusted.allowArbitraryOperations,
        extractPersistedOperationId: persistedDocumentId,
        customErrors: {
          notFound: { message: 'unknown persisted document', extensions: { code: 21 } },
          persistedQueryOnly: { message: 'only persisted documents are accepted', extensions: { code: 21 } },
        },
      }),
    );
    if (!trusted.allowArbitraryOperations) plugins.push(trustedTextsOnly(trusted.documents));
  }
  plugins.push(
    documentLimits({
      expensive: new ExpensiveOperations(options.expensive ?? DEFAULT_EXPENSIVE_LIMITS),
      callerOf: (context) => callerKey((context as GraphqlContext).request.actor),
      ...(options.documentStats ? { stats: options.documentStats } : {}),
    }),
    subscriptionErrorsWithData,
    { onRequest: ({ request, serverContext }) => void nodeRequests.set(request, serverContext as unknown as ServerContext) },
    useGraphQLSSE({
      endpoint: GRAPHQL_STREAM_PATH,
      // A single connection's token, as graphql-sse reads it, but new ones from a secure random
      // source: whoever knows a token receives the events of that connection.
      authenticate: (req) => req.headers.get(TOKEN_HEADER_KEY) ?? new URL(req.url, 'http://localhost').searchParams.get(TOKEN_QUERY_KEY) ?? randomUUID(),
      // Called for each result before it is queued: wait for room on the stream, and code the errors.
      onNext: async (_ctx, req, result) => {
        const node = nodeRequests.get(req.raw);
        if (node) await streams.room(node.req, node.res);
        return withCodes(result);
      },
    }),
  );

  const yoga = createYoga<ServerContext, GraphqlContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    maxRequestBodySize: false, // enforced by the handler (below)
    // Parsing, validation and pricing are bounded and cached by documentLimits (src/graphql/documents.ts).
    parserAndValidationCache: false,
    graphiql: options.graphiql ? { title: 'Ambient API', defaultTabs: exampleTabs(), defaultEditorToolsVisibility: true } : false,
    renderGraphiQL,
    landingPage: false,
    // CORS is applied by the handler with the server's configured origins (src/server/cors.ts).
    cors: false,
    logging: false,
    // Errors are given their codes (and unexpected ones masked) on the final result instead.
    maskedErrors: false,
    plugins: [...plugins, numericErrorCodes(withCodes)],
    context: async ({ req, actor: authenticated }): Promise<GraphqlContext> => {
      const actor = authenticated ?? (await options.resolveActor(req));
      return {
        request: { actor },
        access: await ReadAccess.load(services.domain.pool, actor),
        computed: new ComputedFields(options.domain.pool),
        services,
      };
    },
  });

  const paths = new Set([GRAPHQL_PATH, `${GRAPHQL_PATH}/`, GRAPHQL_STREAM_PATH]);
  return async (req, res) => {
    const url = req.url ?? '/';
    const pathname = url.split('?', 1)[0]!;
    if (!paths.has(pathname)) return false;
    // The body limit is enforced here, from Content-Length, instead of by yoga, whose limit wraps
    // every body in a counting stream (the largest fixed cost per request in the benchmark's
    // profile). A body without a declared length is refused: GraphQL clients always send one.
    const length = req.headers['content-length'];
    if (req.method === 'POST' && length === undefined) throw new DomainError(17, 'Invalid request format: Content-Length is required');
    if (Number(length ?? 0) > MAX_BODY_BYTES) throw new DomainError(32);
    applyCors(req, res, options.corsOrigins);
    // Authentication before anything reads the body: an anonymous document is never parsed
    // (issue 16: 700 KB documents, 8 at a time, took the server down before they were refused).
    // Only CORS preflights and GraphiQL's page are served without credentials.
    let actor: Actor | undefined;
    if (req.method !== 'OPTIONS' && !(options.graphiql && req.method === 'GET' && (req.headers.accept ?? '').includes('text/html'))) {
      try {
        actor = await options.resolveActor(req);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 15) throw error;
        sendUnauthenticated(req, res, error);
        return true;
      }
    }
    if (pathname === `${GRAPHQL_PATH}/`) req.url = GRAPHQL_PATH + url.slice(pathname.length);
    const response = await yoga.handleNodeRequest(req, actor ? { req, res, actor } : { req, res });
    if (isStreaming(response)) await streams.send(req, res, response);
    else await send(req, res, response);
    return true;
  };
}

/**
 * Writes a complete (not streamed) Fetch response, compressed as every non-streamed response is.
 * Yoga's own Node writer (@whatwg-node/server 0.11) never completes on Node 20, so the handler
 * writes responses itself.
 */
async function send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'content-length') headers[name] = value;
  });
  sendBody(req, res, response.status, body, headers);
}
