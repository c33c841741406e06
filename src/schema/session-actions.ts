import { Session, Workflow } from '../kinds/index.ts';
import { SessionRepo } from '../kinds/session.ts';
import { builder } from './builder.ts';
import type { GraphqlContext } from './context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { localId } from './filters.ts';
import { jsonObjectInput } from './json-types.ts';
import { kindInput } from './kind-fields.ts';
import { reread, targetId } from './kind-types.ts';
import { SessionNode } from './session.ts';

type Row = Record<string, unknown>;

/**
 * The session lifecycle and actions (rest-contract §10) as mutations, through the same
 * SessionActions service as REST. Each returns the session as it is afterwards (a clone: the new
 * session), read with the mutation's selection.
 */

const CloneSessionInput = kindInput(
  'CloneSessionInput',
  'Where the clone goes: the project (default: the source’s) and its name (default: the source’s).',
  Session,
  [Session.field['project_id']!, Session.field['name']!],
  false,
);

const SessionStatusInput = kindInput(
  'SessionStatusInput',
  'The runtime status the reconciler reports. Only the fields given change; null clears a field.',
  Session,
  Session.fields.filter((f) => f.access === 'status'),
  false,
);

const AddSessionRepoInput = jsonObjectInput(SessionRepo);

const SelectSessionWorkflowInput = builder.inputType('SelectSessionWorkflowInput', {
  description: 'Exactly one of: a workflow of the session’s project, or git coordinates (a workflow with them is found or created).',
  fields: (t) => ({
    workflowId: t.id({ description: 'A workflow of the session’s project (its global id).' }),
    gitUrl: t.string({ description: 'Git repository of an ad-hoc workflow.' }),
    branch: t.string({ description: 'Branch of the ad-hoc workflow.' }),
    path: t.string({ description: 'Path inside the repository of the ad-hoc workflow.' }),
  }),
});

const actions = (ctx: GraphqlContext) => ctx.services.sessionActions;

/** The session a mutation acted on, re-read with the mutation's selection (`query`). */
const answer = (ctx: GraphqlContext, query: SessionQuery, written: Row) =>
  reread(ctx, written, (id) => ctx.services.prisma.session.findUniqueOrThrow({ ...query, where: { id } }));

type SessionQuery = { include?: Prisma.SessionInclude } | { select?: Prisma.SessionSelect };

const sessionId = (id: string | number) => targetId(String(id), Session);

builder.mutationFields((t) => ({
  startSession: t.prismaField({
    type: SessionNode,
    description: 'Start (or restart) a session: phase Pending. Allowed when never started, Stopped, Failed or Completed.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => answer(ctx, query, await actions(ctx).start(ctx.request, sessionId(args.id))),
  }),
  stopSession: t.prismaField({
    type: SessionNode,
    description: 'Stop a session: phase Stopping. Allowed when Pending, Creating or Running.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => answer(ctx, query, await actions(ctx).stop(ctx.request, sessionId(args.id))),
  }),
  cloneSession: t.prismaField({
    type: SessionNode,
    description: 'A new, never-started session with the settings of this one, whose parent it becomes.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: CloneSessionInput.ref }) },
    resolve: async (query, _root, args, ctx) =>
      answer(ctx, query, await actions(ctx).clone(ctx.request, sessionId(args.id), CloneSessionInput.toBody(args.input ?? {}))),
  }),
  addSessionRepo: t.prismaField({
    type: SessionNode,
    description: 'Add a repository to the session (a running session clones it first). The branch defaults to main.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: AddSessionRepoInput.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      answer(ctx, query, await actions(ctx).addRepo(ctx.request, sessionId(args.id), AddSessionRepoInput.toJson(args.input))),
  }),
  removeSessionRepo: t.prismaField({
    type: SessionNode,
    description: 'Remove a repository from the session, by its name (the last segment of its URL without .git).',
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => answer(ctx, query, await actions(ctx).removeRepo(ctx.request, sessionId(args.id), args.name)),
  }),
  selectSessionWorkflow: t.prismaField({
    type: SessionNode,
    description: 'Set the session’s workflow.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: SelectSessionWorkflowInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const { workflowId, gitUrl, branch, path } = args.input;
      const body = {
        ...(workflowId != null ? { workflow_id: localId(String(workflowId), Workflow, 'workflow_id') } : {}),
        ...(gitUrl != null ? { git_url: gitUrl } : {}),
        ...(branch != null ? { branch } : {}),
        ...(path != null ? { path } : {}),
      };
      return answer(ctx, query, await actions(ctx).selectWorkflow(ctx.request, sessionId(args.id), body));
    },
  }),
  setSessionModel: t.prismaField({
    type: SessionNode,
    description: 'Switch the session’s model (llm_model).',
    args: { id: t.arg.id({ required: true }), model: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => answer(ctx, query, await actions(ctx).setModel(ctx.request, sessionId(args.id), { model: args.model })),
  }),
  updateSessionStatus: t.prismaField({
    type: SessionNode,
    description: 'The reconciler’s status write-back (admin). No phase transition rules apply.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: SessionStatusInput.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      answer(ctx, query, await actions(ctx).updateStatus(ctx.request, sessionId(args.id), SessionStatusInput.toBody(args.input))),
  }),
}));
