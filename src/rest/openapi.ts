import { OpenApiBuilder, type OperationObject, type ParameterObject, type PathItemObject, type ResponsesObject } from 'openapi3-ts/oas31';
import { stringify } from 'yaml';
import { ERROR_CODES } from '../domain/errors.ts';
import { CANONICAL_BASE } from '../domain/wire.ts';
import { KINDS } from '../kinds/index.ts';
import { VERSION } from '../version.ts';
import { documentedPath, type Route } from './router.ts';
import { componentSchemas, schemaRef } from './schemas.ts';

/**
 * The OpenAPI 3.1 document of the REST API, generated from the route table and the Kind
 * declarations. Committed as `openapi/openapi.yaml` (a test fails when it drifts) and served as
 * JSON at `{base}/openapi`.
 */

const LIST_PARAMETERS: ParameterObject[] = [
  { name: 'page', in: 'query', description: 'Page number, from 1.', schema: { type: 'integer', minimum: 1, default: 1 } },
  {
    name: 'size',
    in: 'query',
    description: 'Page size; values above 65500 are served as 65500; 0 returns only the total.',
    schema: { type: 'integer', minimum: 0, default: 100 },
  },
  {
    name: 'search',
    in: 'query',
    description: "Tree Search Language filter over the queryable fields, e.g. `phase = 'Running' and llm_model ilike 'claude%'`.",
    schema: { type: 'string', maxLength: 8192 },
  },
  { name: 'orderBy', in: 'query', description: 'Comma-separated `<field> [asc|desc]`; default `created_at asc, id asc`.', schema: { type: 'string' } },
  { name: 'fields', in: 'query', description: 'Comma-separated wire fields to return (sparse items; `id` always included).', schema: { type: 'string' } },
];

const WATCH_PARAMETERS: ParameterObject[] = [
  {
    name: 'watch',
    in: 'query',
    description:
      'true or 1: answer text/event-stream instead of a page. Each frame is `id: <seq>` and `data: {"type":"ADDED|MODIFIED|DELETED","object":{…}}`; without a resume point the stream opens with the current objects (only the last snapshot frame carries an id); `: keepalive` comments every 15 s. search, fields and the project filter apply.',
    schema: { type: 'string', enum: ['true', '1', 'false', '0'] },
  },
  {
    name: 'last_event_id',
    in: 'query',
    description: 'Resume after this seq (as the Last-Event-ID header); 410 when older than the retained log.',
    schema: { type: 'integer', minimum: 0 },
  },
  { name: 'Last-Event-ID', in: 'header', description: 'Resume a watch after this seq.', schema: { type: 'integer', minimum: 0 } },
  {
    name: 'token',
    in: 'query',
    description: 'Bearer token for watches from browsers (EventSource cannot set headers); ignored elsewhere.',
    schema: { type: 'string' },
  },
];

const WATCH_FRAME = {
  type: 'string',
  description: 'Server-Sent Events; each data line is {"type":"ADDED|MODIFIED|DELETED","object":<the object, or its sparse form>}.',
};

const PROJECT_PARAMETER: ParameterObject = {
  name: 'project_id',
  in: 'query',
  description: 'Project id or name; wins over X-Ambient-Project.',
  schema: { type: 'string' },
};

const HEADER_PARAMETERS: ParameterObject[] = [
  { name: 'X-Ambient-Project', in: 'header', description: 'Project scope: a project id or name.', schema: { type: 'string' } },
  {
    name: 'X-Operation-ID',
    in: 'header',
    description: 'Operation id to reuse (1–64 of [A-Za-z0-9._-]).',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
  },
];

// 503: the database is unreachable (code 31, with Retry-After), or a service authentication depends on is down
// (Kubernetes TokenReview, src/auth/token-review.ts); any route can meet it.
const ALWAYS_ERRORS = [400, 401, 403, 404, 413, 500, 503];
const errorCodesFor = (status: number) =>
  Object.entries(ERROR_CODES)
    .filter(([, e]) => e.status === status)
    .map(([code, e]) => `${code} ${e.name}`)
    .join(', ');

function responses(route: Route): ResponsesObject {
  const out: ResponsesObject = {};
  for (const [status, response] of Object.entries(route.doc.responses)) {
    const content: Record<string, { schema: object }> = response.schema ? { 'application/json': { schema: response.schema } } : {};
    if (route.doc.watch && status === '200') content['text/event-stream'] = { schema: WATCH_FRAME };
    if (route.doc.eventStream && status === '200') content['text/event-stream'] = { schema: { type: 'string', description: route.doc.eventStream } };
    if (route.doc.binaryResponse && status === '200') content['*/*'] = { schema: { type: 'string', contentMediaType: 'application/octet-stream' } };
    out[status] = { description: response.description, ...(Object.keys(content).length ? { content } : {}) };
  }
  const statuses = route.public ? [404, 500] : [...new Set([...ALWAYS_ERRORS, ...(route.doc.errors ?? [])])].sort();
  for (const status of statuses) {
    if (route.method === 'GET' && status === 413) continue;
    out[String(status)] = {
      description: `Error (code ${errorCodesFor(status)}).`,
      content: { 'application/json': { schema: schemaRef('Error') } },
      ...(status === 401 ? { headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer realm="ambient-api-server/v1"' } } } : {}),
      ...(status === 503
        ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait before retrying, when the database is unreachable.' } } }
        : {}),
    };
  }
  return out;
}

function operation(route: Route): OperationObject {
  const parameters: ParameterObject[] = [];
  for (const match of documentedPath(route.path).matchAll(/\{([^}]+)\}/g))
    parameters.push({ name: match[1]!, in: 'path', required: true, schema: { type: 'string' } });
  if (route.doc.listParameters) {
    parameters.push(...LIST_PARAMETERS);
    const kind = KINDS.find((k) => `/${k.plural}` === route.path);
    if (kind && (kind.scope === 'project' || kind.scope === 'workflow')) parameters.push(PROJECT_PARAMETER);
  }
  if (route.doc.watch) parameters.push(...WATCH_PARAMETERS);
  if (route.doc.parameters) parameters.push(...route.doc.parameters);
  if (!route.public) parameters.push(...HEADER_PARAMETERS);
  return {
    operationId: route.operationId,
    summary: route.doc.summary,
    tags: [route.doc.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(route.doc.body ? { requestBody: { required: !route.doc.body.optional, content: { 'application/json': { schema: route.doc.body.schema } } } } : {}),
    ...(route.doc.rawBody
      ? {
          requestBody: {
            required: true,
            description: route.doc.rawBody,
            content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
          },
        }
      : {}),
    responses: responses(route),
    ...(route.public ? { security: [] } : {}),
  };
}

export function openApiDocument(routes: readonly Route[]): ReturnType<OpenApiBuilder['getSpec']> {
  const builder = OpenApiBuilder.create()
    .addOpenApiVersion('3.1.0')
    .addTitle('Ambient API')
    .addVersion(VERSION)
    .addDescription(
      'Control API of the Ambient Code Platform. The alias base path /api/ambient-api-server/v1 behaves identically. ' +
        'JSON-text fields are strings holding JSON (see contentSchema). Every error has the Error shape.',
    )
    .addServer({ url: CANONICAL_BASE })
    .addSecurityScheme('bearer', { type: 'http', scheme: 'bearer', description: 'A JWT or a project API key (apk_…).' });
  const spec = builder.getSpec();
  spec.security = [{ bearer: [] }];
  for (const [name, schema] of Object.entries(componentSchemas())) builder.addSchema(name, schema);
  const paths: Record<string, PathItemObject> = {};
  for (const route of routes) {
    const item = (paths[documentedPath(route.path)] ??= {});
    item[route.method.toLowerCase() as 'get'] = operation(route);
  }
  for (const path of Object.keys(paths).sort()) builder.addPath(path, paths[path]!);
  for (const kind of KINDS) builder.addTag({ name: kind.name, description: kind.description });
  builder.addTag({ name: 'Errors', description: 'The error catalogue.' });
  builder.addTag({ name: 'Service', description: 'Documents about the API itself.' });
  return builder.getSpec();
}

/** Written without YAML aliases: shared parameter and error objects repeat in full, so readers (and YAML parsers' alias limits) see plain text. */
export function openApiYaml(routes: readonly Route[]): string {
  return `# Generated from src/kinds and src/rest by \`npm run generate\`; do not edit. A test fails when this file drifts.\n${stringify(openApiDocument(routes), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
