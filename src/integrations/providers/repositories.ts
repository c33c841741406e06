import type { KeyObject } from 'node:crypto';
import { createAppAuth } from '@octokit/auth-app';
import { request as octokitRequest } from '@octokit/request';
import { atLeast, projectRole } from '../../auth/policy.ts';
import type { UserActor } from '../../auth/actor.ts';
import { secretContext, type SecretBox } from '../../auth/secret-box.ts';
import { run, sql } from '../../db/sql.ts';
import { DomainError, forbidden, invalid, notFound, unavailable } from '../../domain/errors.ts';
import { findProjectId } from '../../domain/projects.ts';
import type { Domain, RequestContext } from '../../domain/service.ts';
import type { Role } from '../../kinds/rules.ts';
import type { ProviderEndpoints } from '../config.ts';
import { githubCall, GithubRepo, octokit } from './github.ts';
import { GitlabRepo } from './gitlab.ts';
import { gitRef, parseRepo, repoPath, type RepoRef } from './repo-ref.ts';
import type { Fetch } from './transport.ts';
import type { BlobView, Branch, Fork, RepoHost, TreeEntry } from './types.ts';

/**
 * Repository browsing, forks, the caller's access, integration status and the built-in workflows
 * (runtime.md §d rows 17–23), with the CALLER's own credentials (runtime.md §c.2): a repository on
 * github.com, a GitHub Enterprise server or a GitLab instance is opened with the caller's
 * credential for that host — a token first, else a GitHub App installation token — and nothing
 * else. The project in the path is authorized first (view to read, edit to fork), so a caller
 * without a role learns nothing, and a provider is never called for them.
 */

const GITHUB_COM = 'https://github.com';
const GITLAB_COM = 'https://gitlab.com';

interface StoredCredential {
  id: string;
  provider: string;
  auth_type: string;
  url: string | null;
  username: string | null;
  email: string | null;
  installation_id: string | null;
  token_enc: string | null;
  expires_at: Date | null;
  updated_at: Date;
}

export interface RepositoriesOptions {
  domain: Domain;
  secrets: SecretBox | undefined;
  endpoints: ProviderEndpoints;
  githubApp: { appId: string; privateKey: KeyObject } | undefined;
  /** The workflows repository, and how long its list is served from memory. */
  ootb: { repo: string; branch: string; path: string; cacheSeconds: number };
  fetch: Fetch;
}

export interface OotbWorkflow {
  id: string;
  name: string;
  description: string;
  git_url: string;
  branch: string;
  path: string;
  enabled: true;
}

export interface AccessView {
  project: string;
  allowed: boolean;
  reason: string;
  user_role: Role;
}

export class Repositories {
  private readonly appAuth = new Map<string, ReturnType<typeof createAppAuth>>();
  private ootbCache: { at: number; workflows: OotbWorkflow[] } | undefined;
  private ootbLoading: Promise<OotbWorkflow[]> | undefined;

  constructor(private readonly options: RepositoriesOptions) {}

  // ---- rows 17–20: browsing and forks ------------------------------------------------------

  async tree(
    ctx: RequestContext,
    projectRef: string,
    q: { repo: string | null; ref: string | null; path: string | null },
  ): Promise<{ path: string; entries: TreeEntry[] }> {
    const { user } = await this.authorize(ctx, projectRef, 'view');
    const path = repoPath(q.path);
    const ref = gitRef(q.ref);
    const host = await this.open(user, parseRepo(q.repo));
    return { path, entries: await host.tree(path, ref) };
  }

  async blob(ctx: RequestContext, projectRef: string, q: { repo: string | null; ref: string | null; path: string | null }): Promise<BlobView> {
    const { user } = await this.authorize(ctx, projectRef, 'view');
    const path = repoPath(q.path);
    if (path === '') throw invalid('path is required', 'path');
    const ref = gitRef(q.ref);
    const host = await this.open(user, parseRepo(q.repo));
    return host.blob(path, ref);
  }

  async branches(ctx: RequestContext, projectRef: string, repo: string | null): Promise<{ branches: Branch[] }> {
    const { user } = await this.authorize(ctx, projectRef, 'view');
    const host = await this.open(user, parseRepo(repo));
    return { branches: await host.branches() };
  }

  async forks(ctx: RequestContext, projectRef: string, upstream: string | null): Promise<{ forks: Fork[] }> {
    const { user } = await this.authorize(ctx, projectRef, 'view');
    const host = await this.open(user, parseRepo(upstream, 'upstream_repo'), { withLogin: true });
    return { forks: await host.forks() };
  }

  async createFork(ctx: RequestContext, projectRef: string, upstream: unknown): Promise<{ message: string; upstream_repo: string }> {
    const { user } = await this.authorize(ctx, projectRef, 'edit');
    if (typeof upstream !== 'string') throw invalid('upstream_repo is required', 'upstream_repo');
    const host = await this.open(user, parseRepo(upstream, 'upstream_repo'));
    await host.createFork();
    return { message: 'Fork creation requested', upstream_repo: upstream };
  }

  // ---- row 21: the caller's access ---------------------------------------------------------

  async access(ctx: RequestContext, projectRef: string): Promise<AccessView> {
    const id = await findProjectId(this.options.domain.pool, projectRef);
    const role = id === undefined ? null : await projectRole(this.options.domain.pool, ctx.actor, id);
    if (id === undefined || role === null) throw notFound('Project', projectRef);
    const [project] = await run<{ name: string }>(this.options.domain.pool, sql`SELECT name FROM projects WHERE id = ${id}`);
    const allowed = role === 'admin';
    return {
      project: project?.name ?? id,
      allowed,
      reason: allowed ? 'admin: may manage the project and its permissions' : `${role}: may not manage the project or its permissions`,
      user_role: role,
    };
  }

  // ---- row 23: integration status ----------------------------------------------------------

  async integrationStatus(ctx: RequestContext): Promise<Record<string, Record<string, unknown>>> {
    const user = userOf(ctx, 'integration status is about a user’s own credentials; a project key has none');
    const creds = await this.credentials(user);
    const gh = creds.get('github');
    const google = creds.get('google');
    const gitlab = creds.get('gitlab');
    const jira = creds.get('jira');
    const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);
    const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
    return {
      github: defined({
        installed: gh?.installation_id != null,
        pat_configured: gh?.token_enc != null,
        installation_id: gh?.installation_id != null ? Number(gh.installation_id) : undefined,
        username: gh?.username,
        active: gh ? (gh.token_enc != null ? 'pat' : gh.installation_id != null ? 'app' : undefined) : undefined,
        updated_at: iso(gh?.updated_at),
      }),
      google: defined({ connected: google !== undefined, email: google?.email, expires_at: iso(google?.expires_at) }),
      gitlab: defined({ connected: gitlab !== undefined, url: gitlab ? (gitlab.url ?? GITLAB_COM) : undefined }),
      jira: defined({ connected: jira !== undefined, url: jira?.url, email: jira?.email }),
    };
  }

  // ---- row 22: built-in workflows ----------------------------------------------------------

  /**
   * Subdirectories of the configured workflows repository, each described by its
   * `.ambient/ambient.json`. Served from memory for OOTB_WORKFLOWS_CACHE_SECONDS (five minutes); one refresh at a time (callers
   * during a refresh wait for it); the stale list is served when a refresh fails.
   */
  async ootbWorkflows(ctx: RequestContext): Promise<{ workflows: OotbWorkflow[] }> {
    const user = userOf(ctx, 'built-in workflows are listed for users, not project keys');
    const ttl = this.options.ootb.cacheSeconds * 1000;
    if (this.ootbCache && Date.now() - this.ootbCache.at < ttl) return { workflows: this.ootbCache.workflows };
    this.ootbLoading ??= this.loadOotb(user).finally(() => (this.ootbLoading = undefined));
    try {
      const workflows = await this.ootbLoading;
      this.ootbCache = { at: Date.now(), workflows };
      return { workflows };
    } catch (error) {
      if (this.ootbCache) return { workflows: this.ootbCache.workflows };
      if (error instanceof DomainError) throw new DomainError(30, `could not list the built-in workflows: ${error.reason}`);
      throw error;
    }
  }

  private async loadOotb(user: UserActor): Promise<OotbWorkflow[]> {
    const { repo, branch, path } = this.options.ootb;
    const host = await this.open(user, parseRepo(repo, 'OOTB_WORKFLOWS_REPO'), { anonymous: true });
    const dirs = (await host.tree(path, branch)).filter((e) => e.type === 'tree').slice(0, 200);
    const described = await mapLimit(dirs, 8, async (dir) => ({
      dir,
      meta: await ambientJson(host, `${path ? `${path}/` : ''}${dir.name}/.ambient/ambient.json`, branch),
    }));
    return described
      .filter(({ meta }) => meta.enabled !== false)
      .map(({ dir, meta }) => ({
        id: dir.name,
        name: typeof meta.name === 'string' && meta.name.trim() ? meta.name : titleCase(dir.name),
        description: typeof meta.description === 'string' ? meta.description : '',
        git_url: repo,
        branch,
        path: path ? `${path}/${dir.name}` : dir.name,
        enabled: true as const,
      }));
  }

  // ---- credentials and providers -----------------------------------------------------------

  /** The project (by id or name) when the caller has `needed` in it; 404 when it has no role, 403 when too low. */
  private async authorize(ctx: RequestContext, projectRef: string, needed: Role): Promise<{ projectId: string; user: UserActor }> {
    const id = await findProjectId(this.options.domain.pool, projectRef);
    const role = id === undefined ? null : await projectRole(this.options.domain.pool, ctx.actor, id);
    if (id === undefined || role === null) throw notFound('Project', projectRef);
    if (!atLeast(role, needed)) throw forbidden(`requires the ${needed} role in the project`);
    return { projectId: id, user: userOf(ctx, 'repositories are read with the caller’s own provider credentials; a project key has none') };
  }

  private async credentials(user: UserActor): Promise<Map<string, StoredCredential>> {
    const rows = await run<StoredCredential>(
      this.options.domain.pool,
      sql`SELECT id, provider, auth_type, url, username, email, installation_id, token_enc, expires_at, updated_at
            FROM credentials WHERE user_id = ${user.userId} AND deleted_at IS NULL`,
    );
    return new Map(rows.map((r) => [r.provider, r]));
  }

  private token(cred: StoredCredential): string | undefined {
    if (!cred.token_enc) return undefined;
    if (!this.options.secrets) throw unavailable('credential encryption is not configured');
    try {
      return this.options.secrets.decrypt(cred.token_enc, secretContext('credentials', cred.id, 'token_enc'));
    } catch {
      throw forbidden('your stored credential cannot be decrypted with the configured keys; store it again');
    }
  }

  /** The repository on its provider, with the caller's credential for that host. */
  private async open(user: UserActor, ref: RepoRef, opts: { anonymous?: boolean; withLogin?: boolean } = {}): Promise<RepoHost> {
    const creds = await this.credentials(user);
    const gh = creds.get('github');
    const gl = creds.get('gitlab');
    const onGitlab = gl ? within(ref, gl.url ?? GITLAB_COM) : undefined;
    const onGithub = gh ? within(ref, gh.url ?? GITHUB_COM) : undefined;
    if (onGitlab) return this.gitlab(gl!, onGitlab.base, onGitlab.rest);
    if (onGithub) return this.github(gh!, onGithub.base, onGithub.rest, opts);
    const host = ref.host ?? 'github.com';
    if (host === 'github.com') {
      if (!opts.anonymous) throw forbidden('no GitHub credential: connect GitHub under integrations to browse github.com repositories');
      return this.github(undefined, GITHUB_COM, ref.segments, opts);
    }
    if (host === 'gitlab.com' || host.split(/[.:]/).includes('gitlab'))
      throw forbidden(`no GitLab credential for ${host}: connect GitLab for that instance under integrations`);
    throw invalid(`unsupported repository host ${host}: GitHub and GitLab hosts of your credentials are supported`, 'repo');
  }

  private async github(cred: StoredCredential | undefined, base: string, segments: string[], opts: { withLogin?: boolean }): Promise<RepoHost> {
    const [owner, repo] = segments as [string, string];
    const apiUrl = base.replace(/\/+$/, '') === GITHUB_COM ? this.options.endpoints.githubApiUrl : `${base.replace(/\/+$/, '')}/api/v3`;
    const { fetch } = this.options;
    let token = cred ? this.token(cred) : undefined;
    if (cred && token === undefined) {
      if (cred.installation_id == null) throw forbidden('your GitHub credential has neither a token nor an App installation');
      token = await this.installationToken(apiUrl, Number(cred.installation_id));
    }
    let login = cred?.username ?? undefined;
    if (opts.withLogin && login === undefined && cred?.token_enc) {
      const me = await githubCall(() => octokit({ apiUrl, token, fetch }).rest.users.getAuthenticated(), 'the authenticated user');
      login = me.data.login;
    }
    return new GithubRepo({ apiUrl, token, login, fetch }, owner, repo);
  }

  private gitlab(cred: StoredCredential, base: string, segments: string[]): RepoHost {
    const cut = segments.indexOf('-');
    const path = (cut === -1 ? segments : segments.slice(0, cut)).join('/');
    if (path.split('/').length < 2) throw invalid('repo must name a GitLab project as group/project', 'repo');
    const token = this.token(cred);
    if (token === undefined) throw forbidden('your GitLab credential has no token');
    return new GitlabRepo({ apiUrl: `${base.replace(/\/+$/, '')}/api/v4`, token, fetch: this.options.fetch }, path);
  }

  /** An installation token of the server's GitHub App (runtime.md §c.2), cached by @octokit/auth-app until near expiry. */
  async installationToken(apiUrl: string, installationId: number): Promise<string> {
    const app = this.options.githubApp;
    if (!app) throw unavailable('the GitHub App is not configured on this server');
    let auth = this.appAuth.get(apiUrl);
    if (!auth) {
      auth = createAppAuth({
        appId: app.appId,
        privateKey: app.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        request: octokitRequest.defaults({ baseUrl: apiUrl, request: { fetch: this.options.fetch } }),
      });
      this.appAuth.set(apiUrl, auth);
    }
    try {
      const result = await githubCall(() => auth({ type: 'installation', installationId }), `GitHub App installation ${installationId}`);
      return result.token;
    } catch (error) {
      if (error instanceof DomainError && error.code === 7) throw forbidden(`GitHub App installation ${installationId} is not accessible to this server’s App`);
      throw error;
    }
  }
}

function userOf(ctx: RequestContext, reason: string): UserActor {
  if (ctx.actor.type !== 'user' || ctx.actor.userId === null) throw forbidden(reason);
  return ctx.actor;
}

/** When `ref` is on the instance at `instanceUrl` (host and any path prefix): that base, and the segments after it. */
function within(ref: RepoRef, instanceUrl: string): { base: string; rest: string[] } | undefined {
  const instance = new URL(instanceUrl);
  const host = ref.host ?? 'github.com';
  if (host !== instance.host.toLowerCase()) return undefined;
  const prefix = instance.pathname.split('/').filter(Boolean);
  if (prefix.some((p, i) => ref.segments[i] !== p)) return undefined;
  const rest = ref.segments.slice(prefix.length);
  if (rest.length < 2) return undefined;
  return { base: `${instance.origin}${prefix.length ? `/${prefix.join('/')}` : ''}`, rest };
}

async function ambientJson(host: RepoHost, path: string, ref: string): Promise<{ name?: unknown; description?: unknown; enabled?: unknown }> {
  try {
    const blob = await host.blob(path, ref);
    if ('is_dir' in blob || blob.encoding !== 'utf-8') return {};
    const parsed = JSON.parse(blob.content) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  } catch (error) {
    if (error instanceof SyntaxError) return {};
    if (error instanceof DomainError && error.code === 7) return {};
    throw error;
  }
}

function titleCase(dir: string): string {
  return dir
    .replace(/-/g, ' ')
    .split(' ')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}
