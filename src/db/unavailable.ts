/**
 * Whether a failure means "the database cannot be reached right now" rather than a bug or a bad
 * request: the server answers those 503 code 31 with `Retry-After` (rest-contract §3.3), never 500.
 *
 * Recognised, anywhere in the error's `cause` chain (GraphQL's `originalError` too, and inside an AggregateError, which Node
 * raises when every address of a host refuses):
 * - socket failures of the connection (refused, reset, timed out, host unreachable, name lookup);
 * - node-postgres and pg-pool failures of a connection that went away or never came up;
 * - Postgres' own refusals: SQLSTATE class 08 (connection exception), 57P01–57P03 (terminated by an
 *   administrator, crash shutdown, cannot connect now: starting up or shutting down), 53300 (too
 *   many connections);
 * - the same through Prisma (GraphQL): its connection error codes and its driver adapter's kinds.
 */

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Prisma: can't reach, timed out, server closed the connection, pool timeout (prisma.io/docs/orm/reference/error-reference). */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const MESSAGES = [
  /^Connection terminated/, // pg: "… unexpectedly", "… due to connection timeout"
  /not queryable/, // pg: a client whose connection failed or ended
  /^timeout exceeded when trying to connect/, // pg-pool: connectionTimeoutMillis
  /^Query read timeout/, // pg: query_timeout
  /the database system is (starting up|shutting down|in recovery mode)/,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (depth > 8 || value === null || typeof value !== 'object' || seen.has(value)) return false;
    seen.add(value);
    const e = value as {
      code?: unknown;
      message?: unknown;
      kind?: unknown;
      cause?: unknown;
      originalError?: unknown;
      errors?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof e.code === 'string') {
      if (SOCKET_CODES.has(e.code) || SQLSTATES.has(e.code) || PRISMA_CODES.has(e.code)) return true;
      if (/^08[0-9A-Z]{3}$/.test(e.code)) return true;
    }
    if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
    if (value instanceof Error && typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
    if (Array.isArray(e.errors) && e.errors.some((inner) => visit(inner, depth + 1))) return true;
    // `originalError`: what a GraphQLError wraps.
    return visit(e.cause, depth + 1) || visit(e.originalError, depth + 1) || visit(e.meta?.driverAdapterError, depth + 1);
  };
  return visit(error, 0);
}

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 1;
