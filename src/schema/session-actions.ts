import { Session, Workflow } from '../kinds/index.ts';
import { SessionRepo } from '../kinds/session.ts';
import { builder } from './builder.ts';
import type { GraphqlContext } from './context.ts';
import { derivedRootFields, type DerivedFieldBuilder, type Row } from './derived.ts';
import { localId } from './filters.ts';
import { jsonObjectInput } from './json-types.ts';
import { kindInput } from './kind-fields.ts';
import { graphOf, reread, targetId } from './kind-types.ts';

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

type Args = Row;

/**
 * One session mutation: `id` names the session, `args` the other arguments, `act` calls the
 * service and returns the session to answer with.
 */
function sessionMutation(
  name: string,
  description: string,
  args: (t: DerivedFieldBuilder) => Record<string, unknown>,
  act: (ctx: GraphqlContext, id: string, args: Args) => Promise<Row>,
): void {
  builder.mutationField(name, (t) => {
    const root = derivedRootFields(t);
    return root.field({
      type: graphOf(Session).ref,
      description,
      args: { id: root.arg({ type: 'ID', required: true }), ...args(root) },
      resolve: async (_root, args, ctx, info) => reread(Session, await act(ctx, targetId(String(args['id']), Session), args), ctx, info),
    }) as never;
  });
}

const actions = (ctx: GraphqlContext) => ctx.services.sessionActions;

sessionMutation(
  'startSession',
  'Start (or restart) a session: phase Pending. Allowed when never started, Stopped, Failed or Completed.',
  () => ({}),
  (ctx, id) => actions(ctx).start(ctx.request, id),
);

sessionMutation(
  'stopSession',
  'Stop a session: phase Stopping. Allowed when Pending, Creating or Running.',
  () => ({}),
  (ctx, id) => actions(ctx).stop(ctx.request, id),
);

sessionMutation(
  'cloneSession',
  'A new, never-started session with the settings of this one, whose parent it becomes.',
  (t) => ({ input: t.arg({ type: CloneSessionInput.ref }) }),
  (ctx, id, args) => actions(ctx).clone(ctx.request, id, CloneSessionInput.toBody((args['input'] as Row | null) ?? {})),
);

sessionMutation(
  'addSessionRepo',
  'Add a repository to the session (a running session clones it first). The branch defaults to main.',
  (t) => ({ input: t.arg({ type: AddSessionRepoInput.ref, required: true }) }),
  (ctx, id, args) => actions(ctx).addRepo(ctx.request, id, AddSessionRepoInput.toJson(args['input'] as Row)),
);

sessionMutation(
  'removeSessionRepo',
  'Remove a repository from the session, by its name (the last segment of its URL without .git).',
  (t) => ({ name: t.arg({ type: 'String', required: true }) }),
  (ctx, id, args) => actions(ctx).removeRepo(ctx.request, id, String(args['name'])),
);

sessionMutation(
  'selectSessionWorkflow',
  'Set the session’s workflow.',
  (t) => ({ input: t.arg({ type: SelectSessionWorkflowInput, required: true }) }),
  (ctx, id, args) => {
    const { workflowId, gitUrl, branch, path } = args['input'] as Record<string, string | null | undefined>;
    const body = {
      ...(workflowId != null ? { workflow_id: localId(workflowId, Workflow, 'workflow_id') } : {}),
      ...(gitUrl != null ? { git_url: gitUrl } : {}),
      ...(branch != null ? { branch } : {}),
      ...(path != null ? { path } : {}),
    };
    return actions(ctx).selectWorkflow(ctx.request, id, body);
  },
);

sessionMutation(
  'setSessionModel',
  'Switch the session’s model (llm_model).',
  (t) => ({ model: t.arg({ type: 'String', required: true }) }),
  (ctx, id, args) => actions(ctx).setModel(ctx.request, id, { model: args['model'] }),
);

sessionMutation(
  'updateSessionStatus',
  'The reconciler’s status write-back (admin). No phase transition rules apply.',
  (t) => ({ input: t.arg({ type: SessionStatusInput.ref, required: true }) }),
  (ctx, id, args) => actions(ctx).updateStatus(ctx.request, id, SessionStatusInput.toBody(args['input'] as Row)),
);
