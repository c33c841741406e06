import type { ParameterObject } from 'openapi3-ts/oas31';
import { systemActor } from '../auth/actor.ts';
import { RuntimeCredentials } from '../integrations/runtime-credentials.ts';
import { AGUI_BODY_LIMIT } from './agui-routes.ts';
import { readJsonObject } from './body.ts';
import type { Route } from './router.ts';
import type { JsonSchema } from './schemas.ts';

/**
 * The runner-facing endpoints (runtime.md §d rows 24–26, §c.7). They accept only the session's
 * runner — its ServiceAccount token, reviewed by Kubernetes (`runnerFacing`: a TokenReview even
 * when AUTH_TOKEN_REVIEW is off, whenever the server has Kubernetes) — and answer the legacy shapes
 * the runner parses. Everyone else is 403 code 11; an invalid token 401 code 15.
 */

const tag = 'Runner';

const CURRENT_USER: ParameterObject = {
  name: 'X-Runner-Current-User',
  in: 'header',
  description: 'Username whose credentials are wanted: the session’s creator (the default) or the user who started its latest run.',
  schema: { type: 'string' },
};

const str: JsonSchema = { type: 'string' };
const CREDENTIAL: JsonSchema = {
  type: 'object',
  description:
    'Legacy shapes by provider — github `{token, userName, email, provider, expiresAt?}`; gitlab `{token, instanceUrl, userName, email, provider}`; google `{accessToken, refreshToken, email, scopes, expiresAt}`; jira `{url, email, apiToken}`.',
  properties: {
    token: str,
    userName: str,
    email: str,
    provider: str,
    expiresAt: { type: ['string', 'null'] },
    instanceUrl: str,
    accessToken: str,
    refreshToken: str,
    scopes: { type: 'array', items: str },
    url: str,
    apiToken: str,
  },
  additionalProperties: false,
};

const currentUser = (value: string | string[] | undefined) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export function runnerRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/sessions/{id}/credentials/{provider}',
      operationId: 'getRunnerCredential',
      runnerFacing: true,
      doc: {
        summary: 'Runner only: the session user’s credential for github, gitlab, google or jira',
        tag,
        parameters: [CURRENT_USER],
        responses: { 200: { description: 'The credential, in the legacy shape of its provider.', schema: CREDENTIAL } },
        errors: [502, 503],
      },
      async handle({ req, ctx, params }, { integrations }) {
        return {
          status: 200,
          body: await integrations.runtime.credential(ctx.actor, params['id']!, params['provider']!, currentUser(req.headers['x-runner-current-user'])),
        };
      },
    },
    {
      method: 'POST',
      path: '/sessions/{id}/github/token',
      operationId: 'mintRunnerGithubToken',
      runnerFacing: true,
      doc: {
        summary: 'Runner only: a GitHub token for the session user (PAT or OAuth token, else a GitHub App installation token)',
        tag,
        parameters: [CURRENT_USER],
        responses: {
          200: { description: 'The token.', schema: { type: 'object', properties: { token: str }, required: ['token'], additionalProperties: false } },
        },
        errors: [502, 503],
      },
      async handle({ req, ctx, params }, { integrations }) {
        req.resume(); // no body
        return { status: 200, body: await integrations.runtime.mintGithubToken(ctx.actor, params['id']!, currentUser(req.headers['x-runner-current-user'])) };
      },
    },
    {
      method: 'POST',
      path: '/sessions/{id}/runner/feedback',
      operationId: 'sendRunnerFeedback',
      runnerFacing: true,
      doc: {
        summary: 'Runner only: feedback the runner reports, recorded as agui/feedback does',
        tag,
        body: {
          schema: {
            type: 'object',
            properties: { type: { type: 'string', enum: ['META'] }, metaType: str, payload: {}, threadId: str, runId: str },
            required: ['type'],
          },
        },
        responses: {
          200: { description: 'Stored and taken by the runner.', schema: { type: 'object', properties: { status: str, message: str } } },
          202: { description: 'Stored; the runner is not running or did not take it.', schema: { type: 'object', properties: { status: str, message: str } } },
        },
      },
      async handle({ req, ctx, params }, { agui }) {
        const id = params['id']!;
        RuntimeCredentials.assertRunner(ctx.actor, id);
        const body = await readJsonObject(req, { limit: AGUI_BODY_LIMIT });
        // Authorized above as this session's runner; the write itself is the server's.
        const result = await agui.feedback({ actor: systemActor(`runner:${id}`) }, id, body);
        return { status: result.status, body: result.body };
      },
    },
  ];
}
