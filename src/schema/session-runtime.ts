import type { Relayed } from '../domain/session-runtime.ts';
import { builder } from './builder.ts';
import type { GraphqlContext } from './context.ts';
import { SessionNode } from './session.ts';

/**
 * The running session's runner and Kubernetes views in GraphQL (issue 15 item 7, runtime.md §d
 * rows 1, 6, 8, 9, 11–13, 15, 16), as JSON fields of Session, through the same SessionRuntime
 * operations as REST: the same authorization, path checks, fallbacks and errors. The caller's
 * credential is not forwarded to the runner from GraphQL (the session token is).
 */

const body = (relay: Relayed) => relay.body;

interface RuntimeField {
  name: string;
  description: string;
  /** Takes a `path` argument (a directory or repository relative to the workspace root). */
  path?: boolean;
  resolve: (ctx: GraphqlContext, id: string, path: string | null) => Promise<unknown>;
}

const FIELDS: RuntimeField[] = [
  {
    name: 'workspace',
    path: true,
    description: 'A directory of the running session’s workspace (`GET …/workspace`): `{"items":[…]}`, empty when not running.',
    resolve: async (ctx, id, path) => body(await ctx.services.runtime.listWorkspace(ctx.request, id, path ?? '')),
  },
  {
    name: 'gitStatus',
    path: true,
    description: 'Git status of a workspace repository (`GET …/git/status`; `path` required).',
    resolve: async (ctx, id, path) => body(await ctx.services.runtime.gitStatus(ctx.request, id, path)),
  },
  {
    name: 'gitBranches',
    path: true,
    description: 'Remote branches of a workspace repository (`GET …/git/branches`; `path` default artifacts).',
    resolve: async (ctx, id, path) => body(await ctx.services.runtime.gitBranches(ctx.request, id, path)),
  },
  {
    name: 'workflowMetadata',
    description: 'Commands and agents of the active workflow (`GET …/workflow/metadata`).',
    resolve: async (ctx, id) => body(await ctx.services.runtime.workflowMetadata(ctx.request, id)),
  },
  {
    name: 'mcpStatus',
    description: 'MCP servers of the runner (`GET …/mcp/status`).',
    resolve: async (ctx, id) => body(await ctx.services.runtime.mcpStatus(ctx.request, id)),
  },
  {
    name: 'capabilities',
    description: 'Capabilities of the runner (`GET …/agui/capabilities`).',
    resolve: async (ctx, id) => body(await ctx.services.runtime.capabilities(ctx.request, id)),
  },
  {
    name: 'backgroundTasks',
    description: 'Background tasks of the runner (`GET …/agui/tasks`).',
    resolve: async (ctx, id) => body(await ctx.services.runtime.tasks(ctx.request, id)),
  },
  {
    name: 'kubernetesResources',
    description: 'The session’s Kubernetes objects (`GET …/k8s-resources`): `{"resources":[…]}`.',
    resolve: async (ctx, id) => ctx.services.runtime.kubeResources(ctx.request, id),
  },
  {
    name: 'podEvents',
    description: 'Kubernetes Events of the runner pod, oldest first (`GET …/pod-events`): `{"events":[…]}`.',
    resolve: async (ctx, id) => ctx.services.runtime.podEvents(ctx.request, id),
  },
];

builder.prismaObjectFields(SessionNode, (t) =>
  Object.fromEntries(
    FIELDS.map((field) => [
      field.name,
      field.path
        ? t.field({
            type: 'JSON',
            description: field.description,
            args: { path: t.arg.string({ description: 'Relative to the workspace root.' }) },
            resolve: (session, args, ctx) => field.resolve(ctx, session.id, args.path ?? null),
          })
        : t.field({
            type: 'JSON',
            description: field.description,
            resolve: (session, _args, ctx) => field.resolve(ctx, session.id, null),
          }),
    ]),
  ),
);
