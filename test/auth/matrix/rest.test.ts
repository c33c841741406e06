import { describe, expect, test } from 'vitest';
import { KINDS } from '../../../src/kinds/index.ts';
import { API_ROUTES } from '../../../src/rest/routes.ts';
import type { Route } from '../../../src/rest/router.ts';
import { V1 } from '../../support/api.ts';
import { ACTION_EXPECTATIONS, KIND_EXPECTATIONS, PUBLIC_PATHS } from './expectations.ts';
import { PRINCIPALS, useCast, type Principal, type World } from './world.ts';

/**
 * Every REST endpoint × every principal (runtime.md §c.5, rest-contract §5.2): anonymous 401,
 * invisible 404 (400 for a create naming an invisible project), visible but denied 403, allowed
 * the endpoint's success status — and lists containing exactly what the principal may read.
 *
 * The endpoint list is API_ROUTES itself: a route added without an expectation fails here.
 */

const cast = useCast({
  OAUTH_STATE_SECRET: 'matrix-state-secret-of-at-least-32-bytes',
  PUBLIC_BASE_URL: 'https://ambient.example.com',
  GITHUB_OAUTH_CLIENT_ID: 'client',
  GITHUB_OAUTH_CLIENT_SECRET: 'secret',
});

const ERROR_CODE: Record<number, number> = { 400: 8, 401: 15, 403: 11, 404: 7 };

interface Prepared {
  path: string;
  body?: unknown;
  expected: (who: Principal) => number;
  /** For lists: the object the principal may or may not see. */
  listed?: { id: string; visible: (who: Principal) => boolean };
}

/** How one route is exercised for one principal, in a world. */
async function prepare(route: Route, w: World, who: Principal): Promise<Prepared> {
  if (route.public) return { path: PUBLIC_PATHS[route.operationId]!, expected: () => 200 };
  const action = ACTION_EXPECTATIONS[route.operationId];
  if (action) return { ...(await action.prepare(w, cast)), expected: action.expect };
  const kind = KINDS.find((k) => route.path === `/${k.plural}` || route.path === `/${k.plural}/{id}`);
  const spec = kind && KIND_EXPECTATIONS[kind.name];
  if (!kind || !spec)
    throw new Error(`no authorization expectation for ${route.operationId} (${route.method} ${route.path}): add one to test/auth/matrix/expectations.ts`);
  const operation = route.operationId.slice(0, -kind.name.length);
  switch (operation) {
    case 'list': {
      const target = await spec.target(w, cast);
      return {
        path: `/${kind.plural}?search=${encodeURIComponent(`id = '${target.id}'`)}`,
        expected: () => 200,
        listed: { id: target.id, visible: spec.read },
      };
    }
    case 'create':
      return { path: `/${kind.plural}`, body: await spec.createBody(w, who, cast), expected: spec.create };
    case 'get':
      return { path: `/${kind.plural}/${(await spec.target(w, cast)).id}`, expected: spec.get };
    case 'update':
      return { path: `/${kind.plural}/${(await spec.target(w, cast)).id}`, body: {}, expected: spec.update };
    case 'delete':
      return { path: `/${kind.plural}/${(await spec.target(w, cast)).id}`, expected: spec.delete };
  }
  throw new Error(`unknown operation ${route.operationId}`);
}

/** Routes that delete the world's project need a world per principal. */
const destroysWorld = (route: Route) => route.method === 'DELETE' && route.path === '/projects/{id}' && KIND_EXPECTATIONS['Project']!.deleteDestroysWorld;

describe('every REST endpoint × every principal', () => {
  test('every route has an expectation', () => {
    const covered = (route: Route) =>
      route.public ||
      ACTION_EXPECTATIONS[route.operationId] !== undefined ||
      KINDS.some((k) => (route.path === `/${k.plural}` || route.path === `/${k.plural}/{id}`) && KIND_EXPECTATIONS[k.name]);
    expect(API_ROUTES.filter((r) => !covered(r)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(Object.keys(KIND_EXPECTATIONS).sort()).toEqual(KINDS.map((k) => k.name).sort());
  });

  for (const route of API_ROUTES) {
    test(`${route.method} ${route.path}`, async () => {
      const s = cast.server();
      const shared = destroysWorld(route) ? undefined : await cast.world();
      const actual: Record<string, unknown> = {};
      const wanted: Record<string, unknown> = {};
      for (const who of PRINCIPALS) {
        const w = shared ?? (await cast.world());
        const request = await prepare(route, w, who);
        const expected = who === 'anonymous' && !route.public ? 401 : request.expected(who);
        const res = await s.request<Record<string, unknown>>(route.method, `${V1}${request.path}`, { token: w.tokens[who], body: request.body });
        actual[who] =
          res.status === 401 || res.status === 403 || res.status === 404 || res.status === 400 ? `${res.status} code ${String(res.body['id'])}` : res.status;
        wanted[who] = ERROR_CODE[expected] ? `${expected} code ${ERROR_CODE[expected]}` : expected;
        if (request.listed && res.status === 200) {
          const ids = (res.body['items'] as { id: string }[]).map((item) => item.id);
          actual[`${who} sees it`] = ids.includes(request.listed.id);
          wanted[`${who} sees it`] = request.listed.visible(who);
        }
      }
      expect(actual).toEqual(wanted);
    });
  }
});
