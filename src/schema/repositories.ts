import { unavailable } from '../domain/errors.ts';
import type { Repositories } from '../integrations/providers/repositories.ts';
import { builder } from './builder.ts';
import type { GraphqlContext } from './context.ts';

/**
 * Repository browsing, forks, the caller's access and integration status in GraphQL (issue 15
 * item 7; runtime.md §d rows 17–23), through the same Repositories operations as REST: the
 * caller's own provider credentials, the same authorization and errors. Answers are the REST
 * bodies, as JSON.
 */

function repositories(ctx: GraphqlContext): Repositories {
  if (!ctx.services.integrations) throw unavailable('repository browsing is not served here');
  return ctx.services.integrations.repositories;
}

builder.queryFields((t) => {
  const projectArg = () => t.arg.string({ required: true, description: 'The project’s name (its id).' });
  return {
    repositoryTree: t.field({
      type: 'JSON',
      description: 'A directory of a repository (`GET /projects/{id}/repo/tree`): `{"path","entries":[…]}`.',
      args: { project: projectArg(), repo: t.arg.string({ required: true }), ref: t.arg.string(), path: t.arg.string() },
      resolve: (_root, a, ctx) => repositories(ctx).tree(ctx.request, a.project, { repo: a.repo, ref: a.ref ?? null, path: a.path ?? null }),
    }),
    repositoryBlob: t.field({
      type: 'JSON',
      description: 'A file of a repository (`GET /projects/{id}/repo/blob`): `{"content","encoding"}`, or a directory’s entries.',
      args: { project: projectArg(), repo: t.arg.string({ required: true }), ref: t.arg.string(), path: t.arg.string({ required: true }) },
      resolve: (_root, a, ctx) => repositories(ctx).blob(ctx.request, a.project, { repo: a.repo, ref: a.ref ?? null, path: a.path }),
    }),
    repositoryBranches: t.field({
      type: 'JSON',
      description: 'Branches of a repository (`GET /projects/{id}/repo/branches`): `{"branches":[…]}`.',
      args: { project: projectArg(), repo: t.arg.string({ required: true }) },
      resolve: (_root, a, ctx) => repositories(ctx).branches(ctx.request, a.project, a.repo),
    }),
    repositoryForks: t.field({
      type: 'JSON',
      description: 'The caller’s forks of a repository (`GET /projects/{id}/users/forks`): `{"forks":[…]}`.',
      args: { project: projectArg(), upstreamRepo: t.arg.string({ required: true }) },
      resolve: (_root, a, ctx) => repositories(ctx).forks(ctx.request, a.project, a.upstreamRepo),
    }),
    projectAccess: t.field({
      type: 'JSON',
      description: 'The caller’s effective role in a project (`GET /projects/{id}/access`).',
      args: { project: projectArg() },
      resolve: (_root, a, ctx) => repositories(ctx).access(ctx.request, a.project),
    }),
    integrationStatus: t.field({
      type: 'JSON',
      description: 'Summary of the caller’s credentials (`GET /integrations/status`).',
      resolve: (_root, _a, ctx) => repositories(ctx).integrationStatus(ctx.request),
    }),
    ootbWorkflows: t.field({
      type: 'JSON',
      description: 'The built-in workflows (`GET /ootb_workflows`): `{"workflows":[…]}`.',
      resolve: (_root, _a, ctx) => repositories(ctx).ootbWorkflows(ctx.request),
    }),
  };
});

builder.mutationFields((t) => ({
  createRepositoryFork: t.field({
    type: 'JSON',
    description: 'Ask the provider to fork a repository for the caller (`POST /projects/{id}/users/forks`): `{"message","upstream_repo"}`.',
    args: { project: t.arg.string({ required: true, description: 'The project’s name (its id).' }), upstreamRepo: t.arg.string({ required: true }) },
    resolve: (_root, a, ctx) => repositories(ctx).createFork(ctx.request, a.project, a.upstreamRepo),
  }),
}));
