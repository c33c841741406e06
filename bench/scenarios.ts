import { GRAPHQL_DOCUMENTS, GRAPHQL_PATH, LATEST_VARIABLES } from './baseline-graphql.ts';
import type { ScenarioName } from './config.ts';
import type { LoadRequest } from './load.ts';
import { PEER_GRAPHQL_PATH, peerGraphqlBody } from './peer-graphql.ts';
import type { Seed } from './seed.ts';

/**
 * The benchmarked requests and their goals. Each REST scenario uses its own project, so that the
 * sessions `create` adds never change what `list` returns, whichever order the scenarios run in.
 * (They do change what `graphql-latest` returns once `create` has run: the 20 latest sessions
 * are then `create`'s. Both servers see the same rows within a round.)
 */
export type Goal =
  /** Minimum ratio real/baseline of requests per second (the REST goals). */
  | { metric: 'throughput'; min: number }
  /** Maximum ratio real/baseline of server CPU per request (the GraphQL goals). */
  | { metric: 'cpu'; max: number };

export interface Scenario {
  name: ScenarioName;
  title: string;
  goal: Goal;
  /** The status every response must have. */
  status: number;
  /** autocannon connections, instead of BENCH_CONNECTIONS: whether writes scale with more writers (issue 16 item 2). */
  connections?: number;
  request(baseUrl: string): LoadRequest;
  /** The same read in the peer's schema (PostGraphile 5, bench/peer-graphql.ts): the GraphQL scenarios only. */
  peerRequest?: ((baseUrl: string) => LoadRequest) | undefined;
}

const BASE = '/api/ambient/v1/sessions';

/** The Relay global id of a session (as @pothos/plugin-relay encodes it). */
export const sessionGlobalId = (id: string) => Buffer.from(`Session:${id}`).toString('base64');

/** The request body of a GraphQL scenario. */
export function graphqlBody(name: 'graphql-get' | 'graphql-latest', sessionId: string): string {
  return name === 'graphql-get'
    ? JSON.stringify({ query: GRAPHQL_DOCUMENTS.session, variables: { id: sessionGlobalId(sessionId) } })
    : JSON.stringify({ query: GRAPHQL_DOCUMENTS.latest, variables: LATEST_VARIABLES });
}

/** The session `get` and `graphql-get` read: the same row over both protocols. */
export const readSessionId = (seed: Seed) => seed.sessionIds[Math.floor(seed.sessionIds.length / 2)]!;

export function scenarios(seed: Seed): Record<ScenarioName, Scenario> {
  const listProject = seed.projects[0]!.name;
  const createProject = seed.projects[1]!.name;
  const sessionId = readSessionId(seed);
  const graphql = (name: 'graphql-get' | 'graphql-latest', title: string): Scenario => ({
    name,
    title,
    goal: { metric: 'cpu', max: 2 },
    status: 200,
    request: (baseUrl) => ({
      method: 'POST',
      url: `${baseUrl}${GRAPHQL_PATH}`,
      headers: { 'Content-Type': 'application/json' },
      body: graphqlBody(name, sessionId),
    }),
    peerRequest: (baseUrl) => ({
      method: 'POST',
      url: `${baseUrl}${PEER_GRAPHQL_PATH}`,
      headers: { 'Content-Type': 'application/json' },
      body: peerGraphqlBody(name, sessionId),
    }),
  });
  return {
    list: {
      name: 'list',
      title: `GET ${BASE}?size=100 (X-Ambient-Project: one project's 100 sessions)`,
      goal: { metric: 'throughput', min: 0.8 },
      status: 200,
      request: (baseUrl) => ({ method: 'GET', url: `${baseUrl}${BASE}?size=100`, headers: { 'X-Ambient-Project': listProject } }),
    },
    get: {
      name: 'get',
      title: `GET ${BASE}/{id}`,
      goal: { metric: 'throughput', min: 0.5 },
      status: 200,
      request: (baseUrl) => ({ method: 'GET', url: `${baseUrl}${BASE}/${sessionId}`, headers: {} }),
    },
    create: {
      name: 'create',
      title: `POST ${BASE} {"name":"bench","project_id":"<project name>"}`,
      goal: { metric: 'throughput', min: 0.5 },
      status: 201,
      request: (baseUrl) => ({
        method: 'POST',
        url: `${baseUrl}${BASE}`,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'bench', project_id: createProject }),
      }),
    },
    'create-64': {
      name: 'create-64',
      title: `the create scenario at 64 connections: writes must scale past the 16-connection figure`,
      goal: { metric: 'throughput', min: 0.5 },
      status: 201,
      connections: 64,
      request: (baseUrl) => ({
        method: 'POST',
        url: `${baseUrl}${BASE}`,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'bench', project_id: createProject }),
      }),
    },
    'graphql-get': graphql('graphql-get', `POST ${GRAPHQL_PATH} session(id) { 26 scalar fields }`),
    'graphql-latest': graphql(
      'graphql-latest',
      `POST ${GRAPHQL_PATH} sessions(first: 20, orderBy: CREATED_AT DESC) { nodes { 5 fields, project { id name } } }`,
    ),
  };
}
