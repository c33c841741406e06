/**
 * What the GraphQL scenarios send to the peer, PostGraphile 5 (bench/postgraphile-server.ts): the
 * same reads in PostGraphile's own schema over the same tables. Aliases give the answers our
 * documents' shape (`session`, `sessions.nodes`, `databaseId`, `project`), so that
 * `comparablePeerAnswer` can check, before any load, that the peer returns the same rows and values.
 *
 * Where the schemas differ the peer keeps its own conventions, and the check skips those fields:
 * ids are PostGraphile node ids and raw foreign keys (ours are Relay global ids), timestamps carry
 * `+00:00` instead of `Z`, and the phase is the column's text (ours an upper-case enum).
 */

export const PEER_GRAPHQL_PATH = '/graphql';

export const PEER_GRAPHQL_DOCUMENTS = {
  /** By primary key, the same 26 fields as ours (ours filters soft-deleted rows; no bench row is). */
  session: `query PeerSession($id: String!) {
  session: sessionByRowId(rowId: $id) {
    id
    databaseId: rowId
    name
    prompt
    repoUrl
    interactive
    timeout
    llmModel
    llmTemperature
    llmMaxTokens
    projectId
    workflowId
    assignedUserId
    parentSessionId
    createdByUserId
    botAccountName
    phase
    startTime
    completionTime
    sdkSessionId
    sdkRestartCount
    kubeCrName
    kubeCrUid
    kubeNamespace
    createdAt
    updatedAt
  }
}`,
  /**
   * Ours orders by created_at DESC, id ASC: the peer is asked the same. Ours also skips soft-deleted
   * rows; PostGraphile offers conditions on indexed columns only (deleted_at is not), and no bench
   * row is deleted, so both return the same rows (checked).
   */
  latest: `query PeerLatestSessions($first: Int!) {
  sessions: allSessions(first: $first, orderBy: [CREATED_AT_DESC, ROW_ID_ASC]) {
    nodes {
      id
      databaseId: rowId
      name
      phase
      createdAt
      project: projectByProjectId {
        id
        name
      }
    }
  }
}`,
} as const;

export function peerGraphqlBody(name: 'graphql-get' | 'graphql-latest', sessionId: string): string {
  return name === 'graphql-get'
    ? JSON.stringify({ query: PEER_GRAPHQL_DOCUMENTS.session, variables: { id: sessionId } })
    : JSON.stringify({ query: PEER_GRAPHQL_DOCUMENTS.latest, variables: { first: 20 } });
}

// Fields whose encoding is each schema's own (see above): compared by presence only.
const OWN_ENCODING = new Set(['id', 'projectId', 'workflowId', 'assignedUserId', 'parentSessionId', 'createdByUserId']);
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** An answer of either server with the schema-specific encodings taken out, to compare the two. */
export function comparablePeerAnswer(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => comparablePeerAnswer(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparablePeerAnswer(v, k)]));
  }
  if (key !== undefined && OWN_ENCODING.has(key)) return value === null ? null : 'present';
  if (typeof value === 'string' && TIMESTAMP.test(value)) return new Date(value).toISOString();
  if (key === 'phase' && typeof value === 'string') return value.toUpperCase();
  return value;
}
