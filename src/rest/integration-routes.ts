import { Credential } from '../kinds/index.ts';
import { readJsonObject } from './body.ts';
import type { Route } from './router.ts';
import type { JsonSchema } from './schemas.ts';

/**
 * REST routes of the integrations (runtime.md §c.2, §c.4): starting an OAuth flow, and the live
 * test of a stored credential. The callback and its poll endpoint are root paths, served by
 * src/integrations/oauth/callback-route.ts.
 */

const startSchema: JsonSchema = {
  type: 'object',
  properties: {
    return_to: {
      type: 'string',
      description:
        'Where the browser is sent back to, with `?oauth=success|error&provider=…`: a path on the API host (`/…`, not `//…`) or an absolute URL on an origin of OAUTH_RETURN_ORIGINS.',
    },
    session_id: { type: 'string', description: 'A session the flow was started from.' },
    installation_id: { type: 'integer', description: 'GitHub only: an App installation to verify and store with the credential.' },
  },
  additionalProperties: false,
};

const startResponse: JsonSchema = {
  type: 'object',
  properties: {
    url: { type: 'string', description: 'The provider’s authorize URL to open.' },
    state: { type: 'string', description: 'The signed state; poll `GET /oauth2callback/status?state=…` with it.' },
    expires_at: { type: 'string', format: 'date-time' },
  },
  required: ['url', 'state', 'expires_at'],
  additionalProperties: false,
};

const testResponse: JsonSchema = {
  type: 'object',
  properties: { valid: { type: 'boolean' }, message: { type: 'string' }, error: { type: 'string' } },
  required: ['valid'],
  additionalProperties: false,
};

export function integrationRoutes(): Route[] {
  return [
    {
      method: 'POST',
      path: '/oauth/{provider}/authorize',
      operationId: 'startOAuth',
      doc: {
        summary: 'Start an OAuth flow (google, github) that creates the caller’s credential',
        tag: Credential.name,
        body: { schema: startSchema, optional: true },
        responses: { 200: { description: 'Where to send the browser, and the state to poll with.', schema: startResponse } },
        errors: [503],
      },
      async handle({ req, ctx, params }, { integrations, validator }) {
        const body = await readJsonObject(req, { optional: true });
        validator.validate(startSchema, body);
        return { status: 200, body: await integrations.oauth.start(ctx, params['provider']!, body) };
      },
    },
    {
      method: 'POST',
      path: '/credentials/{id}/test',
      operationId: 'testCredential',
      doc: {
        summary: 'Check a credential against its provider (a live call)',
        tag: Credential.name,
        responses: { 200: { description: 'The verdict: valid with a message, or not with the reason.', schema: testResponse } },
        errors: [503],
      },
      async handle({ ctx, params }, { integrations }) {
        return { status: 200, body: await integrations.testCredential(ctx, params['id']!) };
      },
    },
  ];
}
