import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ParameterObject } from 'openapi3-ts/oas31';
import type { RequestContext } from '../domain/service.ts';
import type { RouteServices } from './routes.ts';
import type { JsonSchema } from './schemas.ts';

/**
 * Routes of the REST API under the base path, matched segment by segment. A last template segment
 * `{name+}` takes the rest of the path (one or more segments, each decoded, joined with `/`), for
 * workspace file paths. A path that matches no route is 404; a path that matches only with other
 * methods is 405 with `Allow`.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RestRequest {
  req: IncomingMessage;
  /** For handlers that need to know when the caller leaves; the answer is still written by the handler's result. */
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Who is calling and the request's project scope. */
  ctx: RequestContext;
  operationId: string;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A streaming response (SSE) writes itself; it may still throw a DomainError before its first byte. */
  stream?: (res: ServerResponse) => Promise<void>;
}

/** What the OpenAPI document says about a route. */
export interface RouteDoc {
  summary: string;
  tag: string;
  /** The list parameters (page, size, search, orderBy, fields, project_id). */
  listParameters?: boolean;
  /** The list can also be watched (`watch=true`, an SSE stream). */
  watch?: boolean;
  /** Request body schema and whether the body may be absent. */
  body?: { schema: JsonSchema; optional?: boolean };
  /** Success responses by status. Error responses are added for every route. */
  responses: Record<number, { description: string; schema?: JsonSchema }>;
  /** Extra error statuses specific to this route (400, 401, 403, 404, 500 are always listed). */
  errors?: number[];
  /** Query and header parameters besides the list and watch ones. */
  parameters?: readonly ParameterObject[];
  /** The 200 response is a Server-Sent Events stream; what its frames carry. */
  eventStream?: string;
  /** The request body is raw bytes of any type (instead of `body`); what they are. */
  rawBody?: string;
  /** The 200 response is raw bytes of any type. */
  binaryResponse?: boolean;
}

export interface Route {
  method: Method;
  /** Path template under the base path, e.g. `/sessions/{id}/start`. */
  path: string;
  operationId: string;
  /** Service endpoints (the error catalogue, the OpenAPI document) need no credentials. */
  public?: boolean;
  /**
   * Runner-facing (runtime.md §c.7): the caller's token is reviewed by Kubernetes even when
   * AUTH_TOKEN_REVIEW is off; the handler admits only the session's runner.
   */
  runnerFacing?: boolean;
  doc: RouteDoc;
  handle(request: RestRequest, services: RouteServices): Promise<RestResponse>;
}

export type Match = { route: Route; params: Record<string, string> } | { allow: Method[] } | undefined;

export class Router {
  private readonly templates: { route: Route; segments: string[] }[];

  constructor(readonly routes: readonly Route[]) {
    this.templates = routes.map((route) => ({ route, segments: route.path.split('/').filter(Boolean) }));
  }

  match(method: string, path: string): Match {
    const segments = path.split('/').filter(Boolean);
    const allow = new Set<Method>();
    for (const { route, segments: template } of this.templates) {
      const params = matchSegments(template, segments);
      if (!params) continue;
      if (route.method === method) return { route, params };
      allow.add(route.method);
    }
    return allow.size > 0 ? { allow: [...allow] } : undefined;
  }
}

function matchSegments(template: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  const rest = template.at(-1)?.endsWith('+}') === true;
  if (rest ? segments.length < template.length : template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    const last = rest && i === template.length - 1;
    const taken = last ? segments.slice(i) : [segments[i]!];
    if (t.startsWith('{')) {
      const values: string[] = [];
      for (const s of taken) {
        try {
          values.push(decodeURIComponent(s));
        } catch {
          return undefined;
        }
      }
      params[t.slice(1, last ? -2 : -1)] = values.join('/');
    } else if (t !== taken[0]) return undefined;
  }
  return params;
}

/** The route's path in the OpenAPI document: `{name+}` is written `{name}` (a parameter that may contain `/`). */
export function documentedPath(path: string): string {
  return path.replace(/\{([^}]+)\+\}/g, '{$1}');
}

/** The metrics label of a route: the template with every parameter replaced by `-`. */
export function routeLabel(base: string, route: Route): string {
  return `${base}${route.path.replace(/\{[^}]+\}/g, '-')}`;
}
