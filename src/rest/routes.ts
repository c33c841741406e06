import { DomainError, ERROR_CODES, type ErrorCode } from '../domain/errors.ts';
import type { AguiService } from '../agui/service.ts';
import type { SessionActions } from '../domain/session-actions.ts';
import type { Domain } from '../domain/service.ts';
import { toWire, type Row } from '../domain/wire.ts';
import type { Kind } from '../kinds/define.ts';
import { Credential, KINDS, Session } from '../kinds/index.ts';
import { errorBody } from '../server/respond.ts';
import type { BodyValidator } from './body-validation.ts';
import { aguiRoutes } from './agui-routes.ts';
import { readJsonObject } from './body.ts';
import { parseListParams, sparse } from './list-params.ts';
import type { RestResponse, Route } from './router.ts';
import type { WatchCache } from '../live/watch-cache.ts';
import type { ChangeFeed } from '../live/change-feed.ts';
import { openApiDocument } from './openapi.ts';
import { resumePoint, wantsWatch, watch } from './watch.ts';
import { schemaRef, type JsonSchema } from './schemas.ts';
import type { Integrations } from '../integrations/index.ts';
import { integrationRoutes } from './integration-routes.ts';
import { runnerRoutes } from './runner-routes.ts';
import { providerRoutes } from './provider-routes.ts';
import { messageRoutes } from './message-routes.ts';
import { agentRoutes } from './agent-routes.ts';
import { scheduledSessionRoutes } from './scheduled-session-routes.ts';
import type { ScheduledSessions } from '../scheduler/scheduled-sessions.ts';
import { credentialRoutes } from './credential-routes.ts';
import type { Agents } from '../domain/agents.ts';
import type { SessionMessages } from '../domain/session-messages.ts';
import type { SessionMessageFeed } from '../live/session-message-feed.ts';
import { runtimeRoutes } from './runtime-routes.ts';
import { forwardableCredential } from '../runner/caller-credential.ts';
import type { SessionFileUploads } from '../domain/file-uploads.ts';
import type { SessionRuntime } from '../domain/session-runtime.ts';
import { RELEASE } from '../version.ts';

/**
 * The REST routes, derived from the Kind declarations: the five standard operations of every Kind,
 * the session actions (rest-contract §10) and the error catalogue. Handlers only translate between
 * HTTP and the domain services.
 */

export interface RouteServices {
  domain: Domain;
  sessions: SessionActions;
  validator: BodyValidator;
  feed: ChangeFeed;
  /** Shared judgement and frames of REST watches (src/live/watch-cache.ts). */
  watches: WatchCache;
  agui: AguiService;
  /** Interval of keepalive comments on event streams (ms). */
  streamKeepaliveMs: number;
  /** OAuth flows and credential tests. */
  integrations: Integrations;
  messages: SessionMessages;
  messageFeed: SessionMessageFeed;
  /** The running session's workspace, git, tasks and other runner views (runtime.md §d). */
  runtime: SessionRuntime;
  /** File pre-uploads before a session's pod runs (runtime.md §d row 5). */
  fileUploads: SessionFileUploads;
  agents: Agents;
  scheduledSessions: ScheduledSessions;
}

const objectResponse = (kind: Kind, description: string) => ({ description, schema: schemaRef(kind.name) });
const created = (kind: Kind, row: Row): RestResponse => {
  const body = toWire(kind, row);
  return { status: 201, body, headers: { Location: body.href } };
};

/** Errors a write can answer besides the common ones: conflicts, and 503 where a secret must be encrypted. */
const writeErrors = (kind: Kind) => (Object.keys(kind.internal).some((c) => c.endsWith('_enc')) ? [409, 503] : [409]);

function kindRoutes(kind: Kind): Route[] {
  const tag = kind.name;
  const collection = `/${kind.plural}`;
  const item = `/${kind.plural}/{id}`;
  const createSchema = schemaRef(`${kind.name}Create`);
  const patchSchema = schemaRef(`${kind.name}Patch`);
  return [
    {
      method: 'GET',
      path: collection,
      operationId: `list${kind.name}`,
      doc: {
        summary: `List ${kind.plural}, or watch them (watch=true)`,
        tag,
        listParameters: true,
        watch: true,
        responses: { 200: { description: `A page of ${kind.plural}; with watch=true, an event stream of changes.`, schema: schemaRef(`${kind.name}List`) } },
        errors: [410],
      },
      async handle({ req, ctx, query }, services) {
        const params = parseListParams(kind, query);
        if (wantsWatch(query)) {
          const resumeAfter = resumePoint(req, query);
          return { status: 200, stream: (res) => watch({ req, res, kind, params, ctx, resumeAfter }, services) };
        }
        const { domain } = services;
        const page = await domain.list(ctx, kind, params);
        const items = page.rows.map((row) => {
          const wire = toWire(kind, row);
          return params.fields ? sparse(wire, params.fields) : wire;
        });
        return { status: 200, body: { kind: `${kind.name}List`, page: page.page, size: items.length, total: page.total, items } };
      },
    },
    {
      method: 'POST',
      path: collection,
      operationId: `create${kind.name}`,
      doc: {
        summary: `Create a ${kind.name}`,
        tag,
        body: { schema: createSchema },
        responses: { 201: objectResponse(kind, 'Created.') },
        errors: writeErrors(kind),
      },
      async handle({ req, ctx }, { domain, validator }) {
        const body = await readJsonObject(req);
        validator.validate(createSchema, body);
        return created(kind, await domain.create(ctx, kind, body));
      },
    },
    {
      method: 'GET',
      path: item,
      operationId: `get${kind.name}`,
      doc: { summary: `Get a ${kind.name}`, tag, responses: { 200: objectResponse(kind, `The ${kind.name}.`) } },
      async handle({ ctx, params }, { domain }) {
        return { status: 200, body: toWire(kind, await domain.get(ctx, kind, params['id']!)) };
      },
    },
    {
      method: 'PATCH',
      path: item,
      operationId: `update${kind.name}`,
      doc: {
        summary: `Update a ${kind.name}`,
        tag,
        body: { schema: patchSchema },
        responses: { 200: objectResponse(kind, 'Updated (or unchanged).') },
        errors: writeErrors(kind),
      },
      async handle({ req, ctx, params }, { domain, validator }) {
        const body = await readJsonObject(req);
        validator.validate(patchSchema, body);
        return { status: 200, body: toWire(kind, await domain.update(ctx, kind, params['id']!, body)) };
      },
    },
    {
      method: 'DELETE',
      path: item,
      operationId: `delete${kind.name}`,
      doc: { summary: `Delete a ${kind.name}`, tag, responses: { 204: { description: 'Deleted.' } } },
      async handle({ ctx, params }, { domain }) {
        await domain.delete(ctx, kind, params['id']!);
        return { status: 204 };
      },
    },
  ];
}

const object = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: true,
});

function sessionActionRoutes(): Route[] {
  const tag = 'Session';
  const session = (description: string) => objectResponse(Session, description);
  const wire = (row: Row): RestResponse => ({ status: 200, body: toWire(Session, row) });
  const statusSchema = schemaRef('SessionStatusPatch');
  const cloneSchema: JsonSchema = { type: 'object', properties: { project_id: { type: 'string' }, name: { type: 'string' } }, additionalProperties: false };
  const repoSchema = object(
    {
      url: { type: 'string', description: 'GitURL.' },
      branch: { type: 'string', description: 'Default main.' },
      auto_push: { type: 'boolean', description: 'Default false.' },
    },
    ['url'],
  );
  const modelSchema = object({ model: { type: 'string', description: 'The new llm_model.' } }, ['model']);
  const workflowSchema = object({ workflow_id: { type: 'string' }, git_url: { type: 'string' }, branch: { type: 'string' }, path: { type: 'string' } });
  return [
    {
      method: 'PATCH',
      path: '/sessions/{id}/status',
      operationId: 'updateSessionStatus',
      doc: { summary: 'Write back runtime status (reconciler)', tag, body: { schema: statusSchema }, responses: { 200: session('The session.') } },
      async handle({ req, ctx, params }, { sessions, validator }) {
        const body = await readJsonObject(req);
        validator.validate(statusSchema, body);
        return wire(await sessions.updateStatus(ctx, params['id']!, body));
      },
    },
    {
      method: 'POST',
      path: '/sessions/{id}/start',
      operationId: 'startSession',
      doc: { summary: 'Start a session (phase → Pending)', tag, responses: { 200: session('The session, Pending.') }, errors: [409] },
      async handle({ ctx, params }, { sessions }) {
        return wire(await sessions.start(ctx, params['id']!));
      },
    },
    {
      method: 'POST',
      path: '/sessions/{id}/stop',
      operationId: 'stopSession',
      doc: { summary: 'Stop a session (phase → Stopping)', tag, responses: { 200: session('The session, Stopping.') }, errors: [409] },
      async handle({ ctx, params }, { sessions }) {
        return wire(await sessions.stop(ctx, params['id']!));
      },
    },
    {
      method: 'POST',
      path: '/sessions/{id}/clone',
      operationId: 'cloneSession',
      doc: { summary: 'Clone a session', tag, body: { schema: cloneSchema, optional: true }, responses: { 201: session('The new session.') } },
      async handle({ req, ctx, params }, { sessions, validator }) {
        const body = await readJsonObject(req, { optional: true });
        validator.validate(cloneSchema, body);
        return created(Session, await sessions.clone(ctx, params['id']!, body));
      },
    },
    {
      method: 'POST',
      path: '/sessions/{id}/repos',
      operationId: 'addSessionRepo',
      doc: { summary: 'Add a repository to a session', tag, body: { schema: repoSchema }, responses: { 200: session('The session.') }, errors: [409, 502] },
      async handle({ req, ctx, params }, { sessions, validator }) {
        const body = await readJsonObject(req);
        validator.validate(repoSchema, body);
        return wire(await sessions.addRepo(ctx, params['id']!, body));
      },
    },
    {
      method: 'DELETE',
      path: '/sessions/{id}/repos/{repo_name}',
      operationId: 'removeSessionRepo',
      doc: { summary: 'Remove a repository from a session', tag, responses: { 200: session('The session.') }, errors: [502] },
      async handle({ ctx, params }, { sessions }) {
        return wire(await sessions.removeRepo(ctx, params['id']!, params['repo_name']!));
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/repos/status',
      operationId: 'getSessionReposStatus',
      doc: {
        summary: "Repositories' status (from the runner when running)",
        tag,
        responses: { 200: { description: 'The runner’s answer, or the reconciled repositories.', schema: object({ repos: { type: 'array' } }, ['repos']) } },
      },
      async handle({ ctx, params }, { sessions }) {
        return { status: 200, body: await sessions.reposStatus(ctx, params['id']!) };
      },
    },
    {
      method: 'POST',
      path: '/sessions/{id}/model',
      operationId: 'setSessionModel',
      doc: {
        summary: 'Switch the session’s model (llm_model); a running session’s runner switches too',
        tag,
        body: { schema: modelSchema },
        responses: { 200: session('The session.') },
        errors: [502],
      },
      async handle({ req, ctx, params }, { sessions, validator }) {
        const body = await readJsonObject(req);
        validator.validate(modelSchema, body);
        // The caller's credential goes along to the runner (runtime.md §d conventions).
        const authorization = forwardableCredential(req.headers.authorization);
        return wire(await sessions.setModel(ctx, params['id']!, body, authorization ? { Authorization: authorization } : undefined));
      },
    },
    {
      method: 'POST',
      path: '/sessions/{id}/workflow',
      operationId: 'selectSessionWorkflow',
      doc: { summary: 'Select the session’s workflow', tag, body: { schema: workflowSchema }, responses: { 200: session('The session.') } },
      async handle({ req, ctx, params }, { sessions, validator }) {
        const body = await readJsonObject(req);
        validator.validate(workflowSchema, body);
        return wire(await sessions.selectWorkflow(ctx, params['id']!, body));
      },
    },
  ];
}

const ERROR_CATALOGUE = Object.keys(ERROR_CODES).map(Number) as ErrorCode[];

let document: unknown;

const versionSchema = object(
  {
    version: { type: 'string' },
    build_time: { type: 'string', format: 'date-time' },
    git_tag: { type: 'string', description: 'Empty when the build has none.' },
  },
  ['version', 'build_time', 'git_tag'],
);

function serviceRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/version',
      operationId: 'getVersion',
      public: true,
      doc: {
        summary: 'The server’s version, build time and git tag',
        tag: 'Service',
        responses: { 200: { description: 'The release.', schema: versionSchema } },
      },
      async handle() {
        return { status: 200, body: RELEASE };
      },
    },
    {
      method: 'GET',
      path: '/openapi',
      operationId: 'getOpenApi',
      public: true,
      doc: { summary: 'This API’s OpenAPI document', tag: 'Service', responses: { 200: { description: 'OpenAPI 3.1, as JSON.', schema: { type: 'object' } } } },
      async handle() {
        document ??= openApiDocument(API_ROUTES);
        return { status: 200, body: document };
      },
    },
    {
      method: 'GET',
      path: '/errors',
      operationId: 'listErrors',
      public: true,
      doc: { summary: 'Every error code', tag: 'Errors', responses: { 200: { description: 'The error catalogue.', schema: schemaRef('ErrorList') } } },
      async handle() {
        const items = ERROR_CATALOGUE.map((code) => errorBody(code, ERROR_CODES[code].reason));
        return { status: 200, body: { kind: 'ErrorList', page: 1, size: items.length, total: items.length, items } };
      },
    },
    {
      method: 'GET',
      path: '/errors/{n}',
      operationId: 'getError',
      public: true,
      doc: { summary: 'One error code', tag: 'Errors', responses: { 200: { description: 'The error.', schema: schemaRef('Error') } } },
      async handle({ params }) {
        const code = Number(params['n']) as ErrorCode;
        if (!/^\d+$/.test(params['n']!) || !ERROR_CODES[code]) throw new DomainError(7, `error code '${params['n']}' not found`);
        return { status: 200, body: errorBody(code, ERROR_CODES[code].reason) };
      },
    },
  ];
}

/** Every route of the REST API, in matching order. */
export const API_ROUTES: readonly Route[] = [
  ...KINDS.flatMap(kindRoutes),
  ...credentialRoutes(kindRoutes(Credential)),
  ...sessionActionRoutes(),
  ...messageRoutes(),
  ...agentRoutes(),
  ...scheduledSessionRoutes(),
  ...aguiRoutes(),
  ...runtimeRoutes(),
  ...integrationRoutes(),
  ...runnerRoutes(),
  ...providerRoutes(),
  ...serviceRoutes(),
];
