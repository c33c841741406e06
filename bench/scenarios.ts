import type { ScenarioName } from './config.ts';
import type { LoadRequest } from './load.ts';
import type { Seed } from './seed.ts';

/**
 * The three benchmarked requests and their goals (requests/s of the real server as a fraction of
 * the baseline's). Each uses its own project, so that the sessions `create` adds never change what
 * `list` returns, whichever order the scenarios run in.
 */
export interface Scenario {
  name: ScenarioName;
  title: string;
  /** Minimum ratio real/baseline of requests per second. */
  goal: number;
  /** The status every response must have. */
  status: number;
  request(baseUrl: string): LoadRequest;
}

const BASE = '/api/ambient/v1/sessions';

export function scenarios(seed: Seed): Record<ScenarioName, Scenario> {
  const listProject = seed.projects[0]!.name;
  const createProject = seed.projects[1]!.name;
  const sessionId = seed.sessionIds[Math.floor(seed.sessionIds.length / 2)]!;
  return {
    list: {
      name: 'list',
      title: `GET ${BASE}?size=100 (X-Ambient-Project: one project's 100 sessions)`,
      goal: 0.8,
      status: 200,
      request: (baseUrl) => ({ method: 'GET', url: `${baseUrl}${BASE}?size=100`, headers: { 'X-Ambient-Project': listProject } }),
    },
    get: {
      name: 'get',
      title: `GET ${BASE}/{id}`,
      goal: 0.5,
      status: 200,
      request: (baseUrl) => ({ method: 'GET', url: `${baseUrl}${BASE}/${sessionId}`, headers: {} }),
    },
    create: {
      name: 'create',
      title: `POST ${BASE} {"name":"bench","project_id":"<project name>"}`,
      goal: 0.5,
      status: 201,
      request: (baseUrl) => ({
        method: 'POST',
        url: `${baseUrl}${BASE}`,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'bench', project_id: createProject }),
      }),
    },
  };
}
