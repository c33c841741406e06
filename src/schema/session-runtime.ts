import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { FeedbackResult, RunStarted } from '../agui/service.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import type { Piped, Relayed } from '../domain/session-runtime.ts';
import { Session } from '../kinds/index.ts';
import { builder } from './builder.ts';
import type { GraphqlContext } from './context.ts';
import { targetId } from './kind-types.ts';
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

// --- actions on the running session (issue 15 item 7, mutations) --------------------------------

const sessionId = (id: string | number) => targetId(String(id), Session);

/** GraphQL bodies are small (the request limit bounds them), so a file read is bounded here too. */
const GRAPHQL_FILE_LIMIT = 4 * 1024 * 1024;

const WorkspaceEncoding = builder.enumType('WorkspaceEncoding', {
  description: 'How file content travels in GraphQL: as UTF-8 text or as base64 (any bytes).',
  values: { UTF8: { value: 'utf8' }, BASE64: { value: 'base64' } } as const,
});

const AguiRunStarted = builder.objectRef<RunStarted>('AguiRunStarted').implement({
  description: 'A run the server accepted (`POST …/agui/run`); its output arrives through the AG-UI subscription.',
  fields: (t) => ({ runId: t.exposeString('runId'), threadId: t.exposeString('threadId') }),
});

const AguiFeedbackResult = builder.objectRef<FeedbackResult['body']>('AguiFeedbackResult').implement({
  description: 'Feedback stored and broadcast: `sent` when the runner took it too, `recorded` when it is not running or did not.',
  fields: (t) => ({ status: t.exposeString('status'), message: t.exposeString('message') }),
});

/** A JSON object argument, or 400 code 8 naming it. */
function objectArg(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${field} must be a JSON object`, field);
  return value as Record<string, unknown>;
}

/** The bytes of a write: text as it is, base64 checked strictly (a lenient decode would write other bytes than meant). */
function contentOf(content: string, encoding: 'utf8' | 'base64'): Buffer {
  if (encoding === 'utf8') return Buffer.from(content, 'utf8');
  if (content.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(content)) throw invalid('content is not valid base64', 'content');
  return Buffer.from(content, 'base64');
}

/** A piped runner answer read whole (bounded), as text when it is UTF-8 and that was asked for, else base64. */
async function fileAnswer(piped: Piped, path: string, asked: 'utf8' | 'base64' | null) {
  const chunks: Buffer[] = [];
  let size = 0;
  const source = piped.body instanceof Readable ? piped.body : Readable.fromWeb(piped.body as WebReadableStream<Uint8Array>);
  for await (const chunk of source) {
    size += (chunk as Buffer).length;
    if (size > GRAPHQL_FILE_LIMIT) {
      source.destroy();
      throw new DomainError(32, `file larger than ${GRAPHQL_FILE_LIMIT} bytes: read it with GET …/workspace/{path}`);
    }
    chunks.push(chunk as Buffer);
  }
  const bytes = Buffer.concat(chunks);
  const text = asked === 'base64' ? undefined : utf8Text(bytes);
  if (asked === 'utf8' && text === undefined) throw invalid('the file is not valid UTF-8; ask for BASE64', 'encoding');
  return {
    path,
    content_type: piped.contentType,
    size,
    encoding: text !== undefined ? 'utf8' : 'base64',
    content: text ?? bytes.toString('base64'),
  };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function utf8Text(bytes: Buffer): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

builder.prismaObjectFields(SessionNode, (t) => ({
  workspaceFile: t.field({
    type: 'JSON',
    description: `A workspace file (\`GET …/workspace/{path}\`), up to ${GRAPHQL_FILE_LIMIT} bytes: \`{"path","content_type","size","encoding","content"}\`; without \`encoding\`, text when it is UTF-8, else base64.`,
    args: { path: t.arg.string({ required: true }), encoding: t.arg({ type: WorkspaceEncoding }) },
    resolve: async (session, args, ctx) =>
      fileAnswer(await ctx.services.runtime.readFile(ctx.request, session.id, args.path), args.path, args.encoding ?? null),
  }),
  backgroundTaskOutput: t.field({
    type: 'JSON',
    description: 'Output of a background task (`GET …/agui/tasks/{task_id}/output`).',
    args: { taskId: t.arg.string({ required: true }) },
    resolve: async (session, args, ctx) => body(await ctx.services.runtime.taskOutput(ctx.request, session.id, args.taskId)),
  }),
}));

builder.mutationFields((t) => ({
  runSessionAgui: t.field({
    type: AguiRunStarted,
    description: 'Start an AG-UI run (`POST …/agui/run`); `input` is the RunAgentInput (threadId?, runId?, messages, …).',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: 'JSON', required: true }) },
    resolve: async (_root, args, ctx) => ctx.services.agui.run(ctx.request, sessionId(args.id), objectArg(args.input, 'input')),
  }),
  interruptSessionAgui: t.field({
    type: 'String',
    description: 'Ask the runner to interrupt the current run (`POST …/agui/interrupt`); the runner’s acknowledgement.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => (await ctx.services.agui.interrupt(ctx.request, sessionId(args.id))).message,
  }),
  sendSessionAguiFeedback: t.field({
    type: AguiFeedbackResult,
    description: 'Record a META feedback event and forward it to the runner (`POST …/agui/feedback`).',
    args: { id: t.arg.id({ required: true }), event: t.arg({ type: 'JSON', required: true }) },
    resolve: async (_root, args, ctx) => (await ctx.services.agui.feedback(ctx.request, sessionId(args.id), objectArg(args.event, 'event'))).body,
  }),
  configureSessionGitRemote: t.field({
    type: 'JSON',
    description: 'Point a workspace repository at a remote (`POST …/git/configure-remote`); the runner’s answer.',
    args: {
      id: t.arg.id({ required: true }),
      path: t.arg.string({ required: true }),
      remoteUrl: t.arg.string({ required: true }),
      branch: t.arg.string({ description: 'Default main.' }),
    },
    resolve: async (_root, args, ctx) =>
      body(
        await ctx.services.runtime.configureRemote(ctx.request, sessionId(args.id), {
          path: args.path,
          remote_url: args.remoteUrl,
          ...(args.branch != null ? { branch: args.branch } : {}),
        }),
      ),
  }),
  writeSessionWorkspaceFile: t.field({
    type: 'JSON',
    description: 'Write a workspace file (`PUT …/workspace/{path}`): text, or any bytes as base64; the runner’s answer.',
    args: {
      id: t.arg.id({ required: true }),
      path: t.arg.string({ required: true }),
      content: t.arg.string({ required: true }),
      encoding: t.arg({ type: WorkspaceEncoding, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const bytes = contentOf(args.content, args.encoding);
      // The REST write decides the runner's encoding from the content type: base64 input is binary.
      const type = args.encoding === 'base64' ? 'application/octet-stream' : 'text/plain; charset=utf-8';
      return body(await ctx.services.runtime.writeFile(ctx.request, sessionId(args.id), args.path, Readable.from([bytes]), type));
    },
  }),
  deleteSessionWorkspaceFile: t.field({
    type: 'JSON',
    description: 'Delete a workspace file (`DELETE …/workspace/{path}`).',
    args: { id: t.arg.id({ required: true }), path: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => body(await ctx.services.runtime.deleteFile(ctx.request, sessionId(args.id), args.path)),
  }),
  stopSessionTask: t.field({
    type: 'JSON',
    description: 'Stop a background task (`POST …/agui/tasks/{task_id}/stop`); the runner’s answer.',
    args: { id: t.arg.id({ required: true }), taskId: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => body(await ctx.services.runtime.stopTask(ctx.request, sessionId(args.id), args.taskId)),
  }),
}));
