import type { RequestContext } from '../domain/service.ts';
import { conflict, invalid } from '../domain/errors.ts';
import { toWire, type Row } from '../domain/wire.ts';
import type { Kind } from '../kinds/define.ts';
import { ScheduledSession, Session } from '../kinds/index.ts';
import { readJsonObject } from './body.ts';
import { parseListParams, sparse, type ListParams } from './list-params.ts';
import type { RestResponse, Route } from './router.ts';
import type { RouteServices } from './routes.ts';
import { schemaRef, type JsonSchema } from './schemas.ts';

/**
 * Scheduled sessions under their project (head-contract H8), the paths upstream's SDKs call:
 * CRUD, suspend, resume, trigger and the runs. `{id}` is the project's id or name; a schedule of
 * another project is 404 here. The flat `/scheduled_sessions` routes are the generic ones.
 */

const COLLECTION = '/projects/{id}/scheduled-sessions';
const ITEM = `${COLLECTION}/{ss_id}`;

const page = (kind: Kind, rows: Row[], result: { page: number; total: number }, params: ListParams): RestResponse => {
  const items = rows.map((row) => (params.fields ? sparse(toWire(kind, row), params.fields) : toWire(kind, row)));
  return { status: 200, body: { kind: `${kind.name}List`, page: result.page, size: items.length, total: result.total, items } };
};
const one = (row: Row, status = 200): RestResponse => ({ status, body: toWire(ScheduledSession, row) });

async function projectOf(services: RouteServices, ctx: RequestContext, ref: string): Promise<{ id: string; refs: string[] }> {
  const id = await services.agents.projectId(ctx, ref);
  return { id, refs: [id, ref] };
}

const triggerResponse: JsonSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['triggered'], description: 'As upstream answers.' },
    session: schemaRef('Session'),
  },
  required: ['status', 'session'],
};

export function scheduledSessionRoutes(): Route[] {
  const tag = 'ScheduledSession';
  const object = (description: string) => ({ description, schema: schemaRef('ScheduledSession') });
  return [
    {
      method: 'GET',
      path: COLLECTION,
      operationId: 'listProjectScheduledSessions',
      doc: {
        summary: 'The project’s scheduled sessions',
        tag,
        listParameters: true,
        responses: { 200: { description: 'A page of scheduled sessions.', schema: schemaRef('ScheduledSessionList') } },
      },
      async handle({ ctx, params, query }, services) {
        const list = parseListParams(ScheduledSession, query);
        const project = await projectOf(services, ctx, params['id']!);
        const result = await services.domain.list(ctx, ScheduledSession, { ...list, projectRef: project.id });
        return page(ScheduledSession, result.rows, result, list);
      },
    },
    {
      method: 'POST',
      path: COLLECTION,
      operationId: 'createProjectScheduledSession',
      doc: {
        summary: 'Create a scheduled session in the project (next_run_at computed from schedule and timezone)',
        tag,
        body: { schema: schemaRef('ScheduledSessionCreate') },
        responses: { 201: object('Created.') },
        errors: [409],
      },
      async handle({ req, ctx, params }, services) {
        const body = await readJsonObject(req);
        const project = await projectOf(services, ctx, params['id']!);
        const given = body['project_id'];
        if (given !== undefined && given !== null && !project.refs.includes(String(given))) throw invalid('project_id does not match the path', 'project_id');
        const withProject = { ...body, project_id: project.id };
        services.validator.validate(schemaRef('ScheduledSessionCreate'), withProject);
        const created = one(await services.domain.create(ctx, ScheduledSession, withProject), 201);
        return { ...created, headers: { Location: (created.body as { href: string }).href } };
      },
    },
    {
      method: 'GET',
      path: ITEM,
      operationId: 'getProjectScheduledSession',
      doc: { summary: 'A scheduled session of the project', tag, responses: { 200: object('The scheduled session.') } },
      async handle({ ctx, params }, { scheduledSessions }) {
        return one(await scheduledSessions.get(ctx, params['id']!, params['ss_id']!));
      },
    },
    {
      method: 'PATCH',
      path: ITEM,
      operationId: 'updateProjectScheduledSession',
      doc: {
        summary: 'Update a scheduled session (next_run_at recomputed when schedule, timezone or enabled change)',
        tag,
        body: { schema: schemaRef('ScheduledSessionPatch') },
        responses: { 200: object('Updated.') },
        errors: [409],
      },
      async handle({ req, ctx, params }, { scheduledSessions, domain, validator }) {
        const body = await readJsonObject(req);
        validator.validate(schemaRef('ScheduledSessionPatch'), body);
        const row = await scheduledSessions.get(ctx, params['id']!, params['ss_id']!);
        return one(await domain.update(ctx, ScheduledSession, row.id, body));
      },
    },
    {
      method: 'DELETE',
      path: ITEM,
      operationId: 'deleteProjectScheduledSession',
      doc: { summary: 'Delete a scheduled session (its runs’ sessions stay)', tag, responses: { 204: { description: 'Deleted.' } } },
      async handle({ ctx, params }, { scheduledSessions, domain }) {
        const row = await scheduledSessions.get(ctx, params['id']!, params['ss_id']!);
        await domain.delete(ctx, ScheduledSession, row.id);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: `${ITEM}/suspend`,
      operationId: 'suspendProjectScheduledSession',
      doc: { summary: 'Suspend: enabled false, next_run_at null, nothing fires', tag, responses: { 200: object('Suspended.') } },
      async handle({ ctx, params }, { scheduledSessions }) {
        return one(await scheduledSessions.setEnabled(ctx, params['id']!, params['ss_id']!, false));
      },
    },
    {
      method: 'POST',
      path: `${ITEM}/resume`,
      operationId: 'resumeProjectScheduledSession',
      doc: {
        summary: 'Resume: enabled true, next_run_at the first due time after now (runs missed while suspended are not made up)',
        tag,
        responses: { 200: object('Resumed.') },
      },
      async handle({ ctx, params }, { scheduledSessions }) {
        return one(await scheduledSessions.setEnabled(ctx, params['id']!, params['ss_id']!, true));
      },
    },
    {
      method: 'POST',
      path: `${ITEM}/trigger`,
      operationId: 'triggerProjectScheduledSession',
      doc: {
        summary: 'Run now, whatever the schedule (also while suspended); next_run_at stays',
        tag,
        responses: { 201: { description: 'The run’s new, started session.', schema: triggerResponse } },
        errors: [409],
      },
      async handle({ ctx, params }, { scheduledSessions }) {
        const outcome = await scheduledSessions.trigger(ctx, params['id']!, params['ss_id']!);
        if (!outcome.fired) throw conflict('the scheduled session’s agent already has an active session');
        return { status: 201, body: { status: 'triggered', session: toWire(Session, outcome.session) } };
      },
    },
    {
      method: 'GET',
      path: `${ITEM}/runs`,
      operationId: 'listProjectScheduledSessionRuns',
      doc: {
        summary: 'The sessions its runs started, newest first',
        tag,
        listParameters: true,
        responses: { 200: { description: 'A page of sessions.', schema: schemaRef('SessionList') } },
      },
      async handle({ ctx, params, query }, { scheduledSessions }) {
        const list = parseListParams(Session, query);
        const result = await scheduledSessions.runs(ctx, params['id']!, params['ss_id']!, list);
        return page(Session, result.rows, result, list);
      },
    },
  ];
}
