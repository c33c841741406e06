import { DomainError } from '../domain/errors.ts';
import { Credential } from '../kinds/index.ts';
import type { Route } from './router.ts';
import type { JsonSchema } from './schemas.ts';

/**
 * Credentials at HEAD (head-contract H7): `GET /credentials/{id}/token`, and the project-scoped
 * twins `/projects/{id}/credentials[/{cred_id}[/token]]` of the flat routes. Credentials stay owned
 * by their user; a twin first resolves the path's project (id or name; 404 when the caller cannot
 * see it) and then answers exactly what the flat route answers for the same credential — upstream's
 * twins serve the same rows as its flat routes, too.
 */

const tokenResponse: JsonSchema = {
  type: 'object',
  properties: {
    credential_id: { type: 'string' },
    provider: { type: 'string', enum: [...(Credential.field['provider']!.enum ?? [])] },
    token: { type: 'string', description: 'The secret. Every read is recorded.' },
  },
  required: ['credential_id', 'provider', 'token'],
  additionalProperties: false,
};

const TWIN_IDS: Record<string, string> = {
  listCredential: 'listProjectCredentials',
  createCredential: 'createProjectCredential',
  getCredential: 'getProjectCredential',
  updateCredential: 'updateProjectCredential',
  deleteCredential: 'deleteProjectCredential',
  getCredentialToken: 'getProjectCredentialToken',
};

/** `flat`: the Credential Kind's own routes (list, create, get, update, delete). */
export function credentialRoutes(flat: readonly Route[]): Route[] {
  const token: Route = {
    method: 'GET',
    path: '/credentials/{id}/token',
    operationId: 'getCredentialToken',
    // A session's runner reads its session's credentials here with its ServiceAccount token (the
    // credential sidecar does), so Kubernetes reviews tokens that are not our JWTs (runtime.md §c.7).
    runnerFacing: true,
    doc: {
      summary: 'Read a credential’s secret (recorded); only for callers allowed to read it',
      tag: Credential.name,
      responses: { 200: { description: 'The credential’s provider and secret.', schema: tokenResponse } },
      errors: [503],
    },
    async handle({ ctx, params, operationId }, { integrations }) {
      return { status: 200, body: await integrations.readToken(ctx, params['id']!, { operationId }) };
    },
  };
  const twins = [...flat.filter((r) => TWIN_IDS[r.operationId]), token].map((route): Route => ({
    ...route,
    path: route.path.replace(/^\/credentials/, '/projects/{id}/credentials').replace('/credentials/{id}', '/credentials/{cred_id}'),
    operationId: TWIN_IDS[route.operationId]!,
    doc: route.doc && { ...route.doc, summary: `${route.doc.summary} (under a project the caller can see)` },
    async handle(request, services) {
      const params = { ...request.params, id: request.params['cred_id'] ?? '' };
      if (route === token) {
        const projectId = await tokenTwinProject(request, services);
        return { status: 200, body: await services.integrations.readToken(request.ctx, params.id, { projectId, operationId: request.operationId }) };
      }
      await services.agents.projectId(request.ctx, request.params['id']!);
      return route.handle({ ...request, params }, services);
    },
  }));
  return [token, ...twins];
}

/**
 * The project of a token twin's path, visible to the caller. A runner sees no projects (it reads no rows);
 * under its own session's project (named by its id, which is its name) it reads the token as on the
 * flat route, under any other the project does not exist for it.
 */
async function tokenTwinProject(request: Parameters<Route['handle']>[0], services: Parameters<Route['handle']>[1]): Promise<string> {
  const { actor } = request.ctx;
  const path = request.params['id']!;
  if (actor.type !== 'service-account' || !actor.runnerOf) return services.agents.projectId(request.ctx, path);
  if (path !== actor.runnerOf.projectId) throw new DomainError(7, `Project with id='${path}' not found`);
  return path;
}
