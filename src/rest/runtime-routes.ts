import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { ParameterObject } from 'openapi3-ts/oas31';
import { DomainError } from '../domain/errors.ts';
import type { CallerRequest, Piped, Relayed } from '../domain/session-runtime.ts';
import { WORKSPACE_WRITE_LIMIT } from '../domain/session-runtime.ts';
import { FILE_UPLOAD_LIMIT } from '../domain/file-uploads.ts';
import { readJsonObject } from './body.ts';
import type { RestResponse, Route } from './router.ts';
import type { JsonSchema } from './schemas.ts';

/**
 * What a running session's runner offers, over REST (runtime.md §d rows 1–4, 6–9, 11–13 and
 * head-contract H2 `GET /sessions/{id}/events`). Handlers translate HTTP to SessionRuntime and pipe
 * files and streams through without holding them.
 */

const anyObject = (description: string): JsonSchema => ({ type: 'object', additionalProperties: true, description });
const relayed = (description: string) => ({ 200: { description, schema: anyObject('The runner’s answer, relayed unchanged (its casing).') } });
const pathQuery = (description: string, required = false): ParameterObject => ({
  name: 'path',
  in: 'query',
  required,
  description,
  schema: { type: 'string' },
});

/** The caller's credential (forwarded to the runner) and a signal that fires when the caller leaves. */
function callerOf(req: IncomingMessage, res: ServerResponse): CallerRequest {
  const controller = new AbortController();
  res.once('close', () => controller.abort(new Error('the caller went away')));
  return { authorization: req.headers.authorization, signal: controller.signal };
}

const answer = (relay: Relayed): RestResponse => ({ status: relay.status, body: relay.body });

/** Writes a piped answer as it arrives; a caller that leaves cancels the runner call. */
function pipe(piped: Piped, extraHeaders: Record<string, string> = {}): RestResponse {
  return {
    status: piped.status,
    stream: async (res) => {
      res.writeHead(piped.status, {
        'Content-Type': piped.contentType,
        ...(piped.contentLength !== undefined ? { 'Content-Length': piped.contentLength } : {}),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...extraHeaders,
      });
      res.flushHeaders();
      try {
        await pipeline(piped.body instanceof Readable ? piped.body : Readable.fromWeb(piped.body as WebReadableStream<Uint8Array>), res);
      } catch {
        // The caller left or the runner broke off mid-body: nothing more can be said on this response.
        res.destroy();
      }
    },
  };
}

const CONFIGURE_REMOTE: JsonSchema = {
  type: 'object',
  properties: { path: { type: 'string' }, remote_url: { type: 'string' }, branch: { type: 'string', description: 'Default main.' } },
  required: ['path', 'remote_url'],
  additionalProperties: false,
};

/** `workspace/{path+}` requests: the handler sees the decoded path. */
const FILE = '/sessions/{id}/workspace/{path+}';
const UPLOAD = '/sessions/{id}/file-uploads/{path+}';

/** A body the handler does not read to its end (an early 413 or other refusal) is drained so the answer arrives. */
async function draining<T>(req: IncomingMessage, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    req.resume();
    throw error;
  }
}

export function runtimeRoutes(): Route[] {
  const tag = 'Session';
  return [
    {
      method: 'GET',
      path: '/sessions/{id}/workspace',
      operationId: 'listSessionWorkspace',
      doc: {
        summary: 'List a directory of the running session’s workspace',
        tag,
        parameters: [pathQuery('Directory relative to the workspace root (default: the root).')],
        responses: relayed('The runner’s listing `{"items":[…]}`; `{"items":[]}` when the session is not running or the runner fails.'),
      },
      async handle({ req, res, ctx, params, query }, { runtime }) {
        return answer(await runtime.listWorkspace(ctx, params['id']!, query.get('path') ?? '', callerOf(req, res)));
      },
    },
    {
      method: 'GET',
      path: FILE,
      operationId: 'readSessionWorkspaceFile',
      doc: {
        summary: 'Read a file of the running session’s workspace',
        tag,
        binaryResponse: true,
        responses: { 200: { description: 'The file’s bytes, streamed, with the runner’s content type.' } },
        errors: [503],
      },
      async handle({ req, res, ctx, params }, { runtime }) {
        return pipe(await runtime.readFile(ctx, params['id']!, params['path']!, callerOf(req, res)));
      },
    },
    {
      method: 'PUT',
      path: FILE,
      operationId: 'writeSessionWorkspaceFile',
      doc: {
        summary: 'Write a file of the running session’s workspace (raw body)',
        tag,
        rawBody: `The file’s bytes, up to ${WORKSPACE_WRITE_LIMIT} bytes. Binary content types and non-UTF-8 bodies reach the runner as base64.`,
        responses: relayed('The runner’s answer.'),
        errors: [409, 502],
      },
      async handle({ req, res, ctx, params }, { runtime }) {
        const declared = Number(req.headers['content-length']);
        try {
          if (Number.isFinite(declared) && declared > WORKSPACE_WRITE_LIMIT)
            throw new DomainError(32, `Request body too large: more than ${WORKSPACE_WRITE_LIMIT} bytes`);
          // Not destroyed when the write stops reading early (413): the rest is drained so the answer arrives.
          const body = { [Symbol.asyncIterator]: () => req.iterator({ destroyOnReturn: false }) };
          return answer(await runtime.writeFile(ctx, params['id']!, params['path']!, body, req.headers['content-type'], callerOf(req, res)));
        } catch (error) {
          req.resume(); // drain what is left, so the answer can be read
          throw error;
        }
      },
    },
    {
      method: 'DELETE',
      path: FILE,
      operationId: 'deleteSessionWorkspaceFile',
      doc: {
        summary: 'Delete a file of the running session’s workspace',
        tag,
        responses: relayed('`{"message":"File deleted successfully"}`.'),
        errors: [409, 502],
      },
      async handle({ req, res, ctx, params }, { runtime }) {
        req.resume();
        return answer(await runtime.deleteFile(ctx, params['id']!, params['path']!, callerOf(req, res)));
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/file-uploads',
      operationId: 'listSessionFileUploads',
      doc: {
        summary: 'Files uploaded for the session before its pod runs',
        tag,
        responses: {
          200: {
            description: 'Every pre-uploaded file, by object key `<namespace>/<kube_cr_name>/file-uploads/<path>`.',
            schema: {
              type: 'object',
              properties: {
                files: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      key: { type: 'string' },
                      size: { type: 'integer' },
                      last_modified: { type: 'string', description: 'RFC 3339.' },
                      content_type: { type: 'string' },
                    },
                    required: ['key', 'size', 'last_modified', 'content_type'],
                  },
                },
              },
              required: ['files'],
            },
          },
        },
        errors: [503],
      },
      async handle({ ctx, params }, { fileUploads }) {
        return { status: 200, body: await fileUploads.list(ctx, params['id']!) };
      },
    },
    {
      method: 'PUT',
      path: UPLOAD,
      operationId: 'uploadSessionFile',
      doc: {
        summary: 'Upload a file for the session before its pod runs (raw body)',
        tag,
        rawBody: `The file’s bytes, 1 to ${FILE_UPLOAD_LIMIT} bytes; its Content-Type is kept.`,
        responses: {
          200: {
            description: 'Stored; the pod finds it under /workspace/file-uploads.',
            schema: {
              type: 'object',
              properties: { success: { type: 'boolean' }, filename: { type: 'string' }, size: { type: 'integer' } },
              required: ['success', 'filename', 'size'],
            },
          },
        },
        errors: [413, 503],
      },
      async handle({ req, ctx, params }, { fileUploads }) {
        return draining(req, async () => {
          const declared = Number(req.headers['content-length']);
          if (Number.isFinite(declared) && declared > FILE_UPLOAD_LIMIT)
            throw new DomainError(32, `File exceeds the ${FILE_UPLOAD_LIMIT / (1024 * 1024)} MB limit`);
          const body = { [Symbol.asyncIterator]: () => req.iterator({ destroyOnReturn: false }) };
          return { status: 200, body: await fileUploads.put(ctx, params['id']!, params['path']!, body, req.headers['content-type']) };
        });
      },
    },
    {
      method: 'DELETE',
      path: UPLOAD,
      operationId: 'deleteSessionFileUpload',
      doc: {
        summary: 'Delete a pre-uploaded file',
        tag,
        responses: {
          200: {
            description: 'Deleted (also when there was no such file).',
            schema: { type: 'object', properties: { success: { type: 'boolean' } }, required: ['success'] },
          },
        },
        errors: [503],
      },
      async handle({ req, ctx, params }, { fileUploads }) {
        req.resume();
        return { status: 200, body: await fileUploads.delete(ctx, params['id']!, params['path']!) };
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/git/status',
      operationId: 'getSessionGitStatus',
      doc: {
        summary: 'Git status of a repository in the workspace',
        tag,
        parameters: [pathQuery('The repository’s directory, relative to the workspace root.', true)],
        responses: relayed('The runner’s git status.'),
        errors: [502, 503],
      },
      async handle({ req, res, ctx, params, query }, { runtime }) {
        return answer(await runtime.gitStatus(ctx, params['id']!, query.get('path'), callerOf(req, res)));
      },
    },
    {
      method: 'POST',
      path: '/sessions/{id}/git/configure-remote',
      operationId: 'configureSessionGitRemote',
      doc: {
        summary: 'Point a workspace repository at a remote',
        tag,
        body: { schema: CONFIGURE_REMOTE },
        responses: relayed('The runner’s answer.'),
        errors: [409, 502],
      },
      async handle({ req, res, ctx, params }, { runtime, validator }) {
        const body = await readJsonObject(req);
        validator.validate(CONFIGURE_REMOTE, body);
        return answer(await runtime.configureRemote(ctx, params['id']!, body, callerOf(req, res)));
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/git/branches',
      operationId: 'listSessionGitBranches',
      doc: {
        summary: 'Remote branches of a workspace repository',
        tag,
        parameters: [pathQuery('The repository’s directory (default artifacts).')],
        responses: relayed('The runner’s `{"branches":[…]}`.'),
        errors: [502],
      },
      async handle({ req, res, ctx, params, query }, { runtime }) {
        return answer(await runtime.gitBranches(ctx, params['id']!, query.get('path'), callerOf(req, res)));
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/workflow/metadata',
      operationId: 'getSessionWorkflowMetadata',
      doc: {
        summary: 'Commands and agents of the active workflow',
        tag,
        responses: relayed('The runner’s answer; `{"commands":[],"agents":[]}` on any failure.'),
      },
      async handle({ req, res, ctx, params }, { runtime }) {
        return answer(await runtime.workflowMetadata(ctx, params['id']!, callerOf(req, res)));
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/mcp/status',
      operationId: 'getSessionMcpStatus',
      doc: {
        summary: 'MCP servers of the session’s runner',
        tag,
        responses: relayed('The runner’s answer; `{"servers":[],"totalCount":0}` when it has none to give.'),
      },
      async handle({ req, res, ctx, params }, { runtime }) {
        return answer(await runtime.mcpStatus(ctx, params['id']!, callerOf(req, res)));
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/agui/capabilities',
      operationId: 'getSessionCapabilities',
      doc: {
        summary: 'Capabilities of the session’s runner',
        tag,
        responses: relayed('The runner’s answer; `{"framework":"unknown"}` when it has none to give.'),
      },
      async handle({ req, res, ctx, params }, { runtime }) {
        return answer(await runtime.capabilities(ctx, params['id']!, callerOf(req, res)));
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/agui/tasks',
      operationId: 'listSessionTasks',
      doc: {
        summary: 'Background tasks of the session’s runner',
        tag,
        responses: { 200: { description: 'The runner’s `{"tasks":[…]}`; `[]` when there is no runner.', schema: { type: ['object', 'array'] } } },
        errors: [502],
      },
      async handle({ req, res, ctx, params }, { runtime }) {
        return answer(await runtime.tasks(ctx, params['id']!, callerOf(req, res)));
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/agui/tasks/{task_id}/output',
      operationId: 'getSessionTaskOutput',
      doc: { summary: 'Output of a background task', tag, responses: relayed('The runner’s `{"task_id","output":[…]}`.'), errors: [502] },
      async handle({ req, res, ctx, params }, { runtime }) {
        return answer(await runtime.taskOutput(ctx, params['id']!, params['task_id']!, callerOf(req, res)));
      },
    },
    {
      method: 'POST',
      path: '/sessions/{id}/agui/tasks/{task_id}/stop',
      operationId: 'stopSessionTask',
      doc: { summary: 'Stop a background task', tag, responses: relayed('The runner’s answer.'), errors: [502] },
      async handle({ req, res, ctx, params }, { runtime }) {
        req.resume();
        return answer(await runtime.stopTask(ctx, params['id']!, params['task_id']!, callerOf(req, res)));
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/k8s-resources',
      operationId: 'listSessionKubernetesResources',
      doc: {
        summary: 'Kubernetes objects of the session (read with the server’s identity)',
        tag,
        responses: {
          200: {
            description: 'The AgenticSession, its pod, service, service account, token secret, role and role binding that exist, oldest first.',
            schema: {
              type: 'object',
              properties: {
                resources: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      kind: { type: 'string' },
                      name: { type: 'string' },
                      namespace: { type: 'string' },
                      uid: { type: 'string' },
                      phase: { type: 'string' },
                      created_at: { type: 'string', description: 'RFC 3339.' },
                    },
                    required: ['kind', 'name', 'namespace', 'uid', 'created_at'],
                  },
                },
              },
              required: ['resources'],
            },
          },
        },
        errors: [502, 503],
      },
      async handle({ ctx, params }, { runtime }) {
        return { status: 200, body: await runtime.kubeResources(ctx, params['id']!) };
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/pod-events',
      operationId: 'listSessionPodEvents',
      doc: {
        summary: 'Kubernetes Events of the session’s runner pod, oldest first',
        tag,
        responses: {
          200: {
            description: 'Events of pod `<kube_cr_name>-runner`; `{"events":[]}` when Kubernetes cannot be read.',
            schema: {
              type: 'object',
              properties: {
                events: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      type: { type: 'string' },
                      reason: { type: 'string' },
                      message: { type: 'string' },
                      timestamp: { type: 'string', description: 'RFC 3339.' },
                      count: { type: 'integer' },
                    },
                    required: ['type', 'reason', 'message', 'timestamp', 'count'],
                  },
                },
              },
              required: ['events'],
            },
          },
        },
        errors: [503],
      },
      async handle({ ctx, params }, { runtime }) {
        return { status: 200, body: await runtime.podEvents(ctx, params['id']!) };
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/export',
      operationId: 'exportSession',
      doc: {
        summary: 'Download the session’s full AG-UI event log',
        tag,
        responses: {
          200: {
            description: 'An attachment `<kube_cr_name>-export.json`, streamed: every stored event payload, in seq order.',
            schema: {
              type: 'object',
              properties: {
                session_id: { type: 'string' },
                project_name: { type: 'string' },
                export_date: { type: 'string', format: 'date-time' },
                agui_events: { type: 'array', items: anyObject('A stored AG-UI event (runner casing).') },
              },
              required: ['session_id', 'project_name', 'export_date', 'agui_events'],
            },
          },
        },
      },
      async handle({ req, ctx, params }, { runtime }) {
        req.resume();
        const document = await runtime.exportEvents(ctx, params['id']!);
        return {
          status: 200,
          stream: async (res) => {
            res.writeHead(200, {
              'Content-Type': 'application/json; charset=utf-8',
              'Content-Disposition': `attachment; filename="${document.filename.replace(/["\\\r\n]/g, '_')}"`,
              'Cache-Control': 'no-store',
              'X-Content-Type-Options': 'nosniff',
            });
            try {
              await pipeline(Readable.from(document.body), res);
            } catch {
              // A failed read or a caller that left: the document cannot be finished; cut it.
              res.destroy();
            }
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/events',
      operationId: 'streamSessionRunnerEvents',
      doc: {
        summary: 'The runner’s between-run event stream, raw (SSE)',
        tag,
        parameters: [{ name: 'token', in: 'query', description: 'Bearer token for browsers (EventSource cannot set headers).', schema: { type: 'string' } }],
        eventStream: 'The runner’s `/events/<kube_cr_name>` stream, byte for byte.',
        responses: { 200: { description: 'An event stream.' } },
        errors: [502],
      },
      async handle({ req, res, ctx, params }, { runtime }) {
        const caller = callerOf(req, res);
        return pipe(await runtime.events(ctx, params['id']!, { ...caller, signal: caller.signal! }), { 'X-Accel-Buffering': 'no' });
      },
    },
  ];
}
