import type { ParameterObject } from 'openapi3-ts/oas31';
import { readJsonObject } from './body.ts';
import type { Route } from './router.ts';
import type { JsonSchema } from './schemas.ts';

/**
 * Repository browsing, forks, access, integration status and built-in workflows (runtime.md §d
 * rows 17–23), and the model and runner-type lists of the new-session form. Handlers only
 * translate HTTP to src/integrations/providers; provider failures arrive there as contract errors.
 */

const query = (name: string, description: string, required = false): ParameterObject => ({
  name,
  in: 'query',
  required,
  description,
  schema: { type: 'string' },
});
const REPO = query('repo', 'The repository: `owner/repo` (github.com), an https URL or an SSH remote, on GitHub, GitHub Enterprise or GitLab.', true);
const REF = query('ref', 'Branch, tag or commit; default: the repository’s default branch.');
const PATH = (description: string) => query('path', description);

const treeEntry: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    path: { type: 'string' },
    type: { type: 'string', enum: ['blob', 'tree'] },
    size: { type: 'integer', description: 'Bytes (GitHub only; GitLab’s tree does not say).' },
  },
  required: ['name', 'path', 'type'],
  additionalProperties: false,
};
const treeResponse: JsonSchema = {
  type: 'object',
  properties: { path: { type: 'string' }, entries: { type: 'array', items: treeEntry } },
  required: ['path', 'entries'],
  additionalProperties: false,
};
const blobResponse: JsonSchema = {
  oneOf: [
    {
      type: 'object',
      properties: {
        content: { type: 'string' },
        encoding: { type: 'string', enum: ['utf-8', 'base64'], description: 'utf-8 text, or base64 when the file is not UTF-8.' },
      },
      required: ['content', 'encoding'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { is_dir: { type: 'boolean', const: true }, path: { type: 'string' }, entries: { type: 'array', items: treeEntry } },
      required: ['is_dir', 'path', 'entries'],
      additionalProperties: false,
    },
  ],
};
const branchesResponse: JsonSchema = {
  type: 'object',
  properties: {
    branches: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          protected: { type: 'boolean' },
          default: { type: 'boolean' },
          commit: { type: 'string', description: 'Head commit SHA.' },
        },
        required: ['name', 'protected', 'default', 'commit'],
        additionalProperties: false,
      },
    },
  },
  required: ['branches'],
  additionalProperties: false,
};
const forksResponse: JsonSchema = {
  type: 'object',
  properties: {
    forks: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, full_name: { type: 'string' }, url: { type: 'string' } },
        required: ['name', 'full_name', 'url'],
        additionalProperties: false,
      },
    },
  },
  required: ['forks'],
  additionalProperties: false,
};
const forkRequest: JsonSchema = {
  type: 'object',
  properties: { upstream_repo: { type: 'string', description: 'The repository to fork (as `repo` above).' } },
  required: ['upstream_repo'],
  additionalProperties: false,
};
const forkResponse: JsonSchema = {
  type: 'object',
  properties: { message: { type: 'string' }, upstream_repo: { type: 'string' } },
  required: ['message', 'upstream_repo'],
  additionalProperties: false,
};
const accessResponse: JsonSchema = {
  type: 'object',
  properties: {
    project: { type: 'string', description: 'The project’s name.' },
    allowed: { type: 'boolean', description: 'Whether the caller may manage the project (admin).' },
    reason: { type: 'string' },
    user_role: { type: 'string', enum: ['admin', 'edit', 'view'] },
  },
  required: ['project', 'allowed', 'reason', 'user_role'],
  additionalProperties: false,
};
const ootbResponse: JsonSchema = {
  type: 'object',
  properties: {
    workflows: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', description: 'The directory name.' },
          name: { type: 'string' },
          description: { type: 'string' },
          git_url: { type: 'string' },
          branch: { type: 'string' },
          path: { type: 'string' },
          enabled: { type: 'boolean', const: true },
        },
        required: ['id', 'name', 'description', 'git_url', 'branch', 'path', 'enabled'],
        additionalProperties: false,
      },
    },
  },
  required: ['workflows'],
  additionalProperties: false,
};
const str = { type: 'string' } as const;
const statusResponse: JsonSchema = {
  type: 'object',
  properties: {
    github: {
      type: 'object',
      properties: {
        installed: { type: 'boolean', description: 'A GitHub App installation is stored.' },
        pat_configured: { type: 'boolean', description: 'A token (PAT or OAuth) is stored.' },
        installation_id: { type: 'integer' },
        username: str,
        active: { type: 'string', enum: ['pat', 'app'], description: 'What runners use: the token first (runtime.md §c.2).' },
        updated_at: { type: 'string', format: 'date-time' },
      },
      required: ['installed', 'pat_configured'],
      additionalProperties: false,
    },
    google: {
      type: 'object',
      properties: { connected: { type: 'boolean' }, email: str, expires_at: { type: 'string', format: 'date-time' } },
      required: ['connected'],
      additionalProperties: false,
    },
    gitlab: { type: 'object', properties: { connected: { type: 'boolean' }, url: str }, required: ['connected'], additionalProperties: false },
    jira: { type: 'object', properties: { connected: { type: 'boolean' }, url: str, email: str }, required: ['connected'], additionalProperties: false },
  },
  required: ['github', 'google', 'gitlab', 'jira'],
  additionalProperties: false,
};
const modelsResponse: JsonSchema = {
  type: 'object',
  properties: {
    models: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: str, label: str, provider: str, is_default: { type: 'boolean' } },
        required: ['id', 'label', 'provider', 'is_default'],
        additionalProperties: false,
      },
    },
    default_model: { type: 'string', description: 'The default model’s id; empty when no model is listed.' },
  },
  required: ['models', 'default_model'],
  additionalProperties: false,
};
const runnerTypesResponse: JsonSchema = {
  type: 'object',
  properties: {
    runner_types: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: str,
          display_name: str,
          description: str,
          framework: str,
          provider: str,
          auth: {
            type: 'object',
            properties: { required_secret_keys: { type: 'array', items: str }, secret_key_logic: str, vertex_supported: { type: 'boolean' } },
            required: ['required_secret_keys', 'secret_key_logic', 'vertex_supported'],
            additionalProperties: false,
          },
        },
        required: ['id', 'display_name', 'description', 'framework', 'provider', 'auth'],
        additionalProperties: false,
      },
    },
  },
  required: ['runner_types'],
  additionalProperties: false,
};

/** What a provider can answer besides success: its refusals and failures (src/integrations/providers/errors.ts). */
const PROVIDER_ERRORS = [409, 429, 502, 503];

export function providerRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/projects/{id}/repo/tree',
      operationId: 'getRepoTree',
      doc: {
        summary: 'List a directory of a repository through its provider, with the caller’s credential',
        tag: 'Project',
        parameters: [REPO, REF, PATH('Directory in the repository; default: the root.')],
        responses: { 200: { description: 'The directory’s entries.', schema: treeResponse } },
        errors: PROVIDER_ERRORS,
      },
      async handle({ ctx, params, query: q }, { integrations }) {
        return { status: 200, body: await integrations.repositories.tree(ctx, params['id']!, { repo: q.get('repo'), ref: q.get('ref'), path: q.get('path') }) };
      },
    },
    {
      method: 'GET',
      path: '/projects/{id}/repo/blob',
      operationId: 'getRepoBlob',
      doc: {
        summary: 'Read a file of a repository (or list it, when the path is a directory)',
        tag: 'Project',
        parameters: [REPO, REF, PATH('File in the repository (required).')],
        responses: { 200: { description: 'The file’s content, or the directory’s entries.', schema: blobResponse } },
        errors: PROVIDER_ERRORS,
      },
      async handle({ ctx, params, query: q }, { integrations }) {
        return { status: 200, body: await integrations.repositories.blob(ctx, params['id']!, { repo: q.get('repo'), ref: q.get('ref'), path: q.get('path') }) };
      },
    },
    {
      method: 'GET',
      path: '/projects/{id}/repo/branches',
      operationId: 'listRepoBranches',
      doc: {
        summary: 'List the branches of a repository',
        tag: 'Project',
        parameters: [REPO],
        responses: { 200: { description: 'Up to 1,000 branches.', schema: branchesResponse } },
        errors: PROVIDER_ERRORS,
      },
      async handle({ ctx, params, query: q }, { integrations }) {
        return { status: 200, body: await integrations.repositories.branches(ctx, params['id']!, q.get('repo')) };
      },
    },
    {
      method: 'GET',
      path: '/projects/{id}/users/forks',
      operationId: 'listUserForks',
      doc: {
        summary: 'List the caller’s forks of a repository',
        tag: 'Project',
        parameters: [query('upstream_repo', 'The upstream repository (as `repo` elsewhere).', true)],
        responses: { 200: { description: 'Forks owned by the caller’s provider account.', schema: forksResponse } },
        errors: PROVIDER_ERRORS,
      },
      async handle({ ctx, params, query: q }, { integrations }) {
        return { status: 200, body: await integrations.repositories.forks(ctx, params['id']!, q.get('upstream_repo')) };
      },
    },
    {
      method: 'POST',
      path: '/projects/{id}/users/forks',
      operationId: 'createUserFork',
      doc: {
        summary: 'Fork a repository into the caller’s provider account',
        tag: 'Project',
        body: { schema: forkRequest },
        responses: { 202: { description: 'The provider accepted the fork; it is created asynchronously.', schema: forkResponse } },
        errors: PROVIDER_ERRORS,
      },
      async handle({ req, ctx, params }, { integrations, validator }) {
        const body = await readJsonObject(req);
        validator.validate(forkRequest, body);
        return { status: 202, body: await integrations.repositories.createFork(ctx, params['id']!, body['upstream_repo']) };
      },
    },
    {
      method: 'GET',
      path: '/projects/{id}/access',
      operationId: 'getProjectAccess',
      doc: { summary: 'The caller’s effective role in the project', tag: 'Project', responses: { 200: { description: 'The role.', schema: accessResponse } } },
      async handle({ ctx, params }, { integrations }) {
        return { status: 200, body: await integrations.repositories.access(ctx, params['id']!) };
      },
    },
    {
      method: 'GET',
      path: '/ootb_workflows',
      operationId: 'listOotbWorkflows',
      doc: {
        summary: 'The built-in workflows of the configured workflows repository',
        tag: 'Workflow',
        responses: { 200: { description: 'The enabled workflows (cached for five minutes).', schema: ootbResponse } },
        errors: [502],
      },
      async handle({ ctx }, { integrations }) {
        return { status: 200, body: await integrations.repositories.ootbWorkflows(ctx) };
      },
    },
    {
      method: 'GET',
      path: '/integrations/status',
      operationId: 'getIntegrationsStatus',
      doc: {
        summary: 'Which integrations the caller has connected',
        tag: 'Credential',
        responses: { 200: { description: 'One summary per provider; secrets never appear.', schema: statusResponse } },
      },
      async handle({ ctx }, { integrations }) {
        return { status: 200, body: await integrations.repositories.integrationStatus(ctx) };
      },
    },
    {
      method: 'GET',
      path: '/models',
      operationId: 'listModels',
      doc: {
        summary: 'The models a new session can use (configuration: MODELS_FILE)',
        tag: 'Session',
        parameters: [query('provider', 'Only this provider’s models (e.g. anthropic, google), with its default.')],
        responses: { 200: { description: 'Available models by label.', schema: modelsResponse } },
      },
      async handle({ query: q }, { integrations }) {
        return { status: 200, body: integrations.catalog.listModels(q.get('provider') ?? undefined) };
      },
    },
    {
      method: 'GET',
      path: '/runner-types',
      operationId: 'listRunnerTypes',
      doc: {
        summary: 'The runner types a new session can use (configuration: RUNNER_TYPES_FILE)',
        tag: 'Session',
        responses: { 200: { description: 'Enabled runner types.', schema: runnerTypesResponse } },
      },
      async handle(_request, { integrations }) {
        return { status: 200, body: { runner_types: integrations.catalog.listRunnerTypes() } };
      },
    },
  ];
}
