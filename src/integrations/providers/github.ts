import { Octokit } from '@octokit/rest';
import { RequestError } from '@octokit/request-error';
import { invalid } from '../../domain/errors.ts';
import { malformedAnswer, providerError, unreachableError } from './errors.ts';
import { ProviderUnreachable, type Fetch } from './transport.ts';
import { blobContent, MAX_BLOB_BYTES, MAX_PAGES, PER_PAGE, type Branch, type BlobView, type Fork, type RepoHost, type TreeEntry } from './types.ts';

/**
 * A GitHub repository (github.com or an Enterprise server) through Octokit, with the transport of
 * transport.ts (private CA, limits) as its fetch. Octokit's REST client brings the endpoint
 * catalogue, typed answers and its RequestError (status + headers), which errors.ts maps.
 */

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export interface GithubAccess {
  /** REST API base: `https://api.github.com` or `https://<ghe>/api/v3`. */
  apiUrl: string;
  /** A user, OAuth or installation token; none for anonymous reads of public repositories. */
  token: string | undefined;
  /** The account whose forks are listed, when known. */
  login: string | undefined;
  fetch: Fetch;
}

export function octokit(access: Pick<GithubAccess, 'apiUrl' | 'token' | 'fetch'>): Octokit {
  return new Octokit({
    ...(access.token ? { auth: access.token } : {}),
    baseUrl: access.apiUrl,
    userAgent: 'ambient-api',
    log: silent,
    request: { fetch: access.fetch, timeout: 0 },
  });
}

export class GithubRepo implements RepoHost {
  readonly provider = 'GitHub' as const;
  private readonly client: Octokit;
  private readonly what: string;

  constructor(
    private readonly access: GithubAccess,
    private readonly owner: string,
    private readonly repo: string,
  ) {
    this.client = octokit(access);
    this.what = `repository ${owner}/${repo}`;
  }

  async tree(path: string, ref: string | undefined): Promise<TreeEntry[]> {
    const data = await this.contents(path, ref);
    return Array.isArray(data) ? data.map(entry) : [entry(data as Content)];
  }

  async blob(path: string, ref: string | undefined): Promise<BlobView> {
    if (path === '') return { is_dir: true, path, entries: await this.tree(path, ref) };
    const data = await this.contents(path, ref);
    if (Array.isArray(data)) return { is_dir: true, path, entries: data.map(entry) };
    const file = data as Content & { content?: string; encoding?: string; target?: string };
    if (file.type === 'symlink' && typeof file.target === 'string') return { content: file.target, encoding: 'utf-8' };
    if (file.type !== 'file') throw invalid(`${path} is a ${file.type}, not a file`, 'path');
    if (file.size > MAX_BLOB_BYTES) throw invalid(`${path} is ${file.size} bytes; files up to ${MAX_BLOB_BYTES} bytes can be read here`, 'path');
    if (file.encoding !== 'base64' || typeof file.content !== 'string') throw malformedAnswer('GitHub', `${this.what} ${path}`);
    return blobContent(Buffer.from(file.content.replace(/\n/g, ''), 'base64'));
  }

  async branches(): Promise<Branch[]> {
    const [repo, branches] = await Promise.all([
      this.call(() => this.client.rest.repos.get({ owner: this.owner, repo: this.repo })),
      this.pages((page) => this.client.rest.repos.listBranches({ owner: this.owner, repo: this.repo, per_page: PER_PAGE, page })),
    ]);
    const defaultBranch = repo.data.default_branch;
    return branches.map((b) => ({ name: b.name, protected: b.protected, default: b.name === defaultBranch, commit: b.commit.sha }));
  }

  async forks(): Promise<Fork[]> {
    const forks = await this.pages((page) => this.client.rest.repos.listForks({ owner: this.owner, repo: this.repo, per_page: PER_PAGE, page }));
    const login = this.access.login?.toLowerCase();
    return forks
      .filter((f) => login === undefined || f.owner.login.toLowerCase() === login)
      .map((f) => ({ name: f.name, full_name: f.full_name, url: f.html_url }));
  }

  async createFork(): Promise<void> {
    await this.call(() => this.client.rest.repos.createFork({ owner: this.owner, repo: this.repo }));
  }

  private async contents(path: string, ref: string | undefined): Promise<unknown> {
    const res = await this.call(() => this.client.rest.repos.getContent({ owner: this.owner, repo: this.repo, path, ...(ref ? { ref } : {}) }), path);
    const data: unknown = res.data;
    if (!Array.isArray(data) && !isContent(data)) throw malformedAnswer('GitHub', this.what);
    if (Array.isArray(data) && !data.every(isContent)) throw malformedAnswer('GitHub', this.what);
    return data;
  }

  /** Pages of a listing until a short page, at most MAX_PAGES. */
  private async pages<T>(fetchPage: (page: number) => Promise<{ data: T[] }>): Promise<T[]> {
    const all: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await this.call(() => fetchPage(page));
      if (!Array.isArray(data)) throw malformedAnswer('GitHub', this.what);
      all.push(...data);
      if (data.length < PER_PAGE) break;
    }
    return all;
  }

  private call<T>(request: () => Promise<T>, path?: string): Promise<T> {
    return githubCall(request, path ? `${this.what} path ${path}` : this.what);
  }
}

/** Runs an Octokit request, translating its failures to contract errors. */
export async function githubCall<T>(request: () => Promise<T>, what: string): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof RequestError) {
      if (error.cause instanceof ProviderUnreachable) throw unreachableError('GitHub', error.cause);
      if (!error.response) throw unreachableError('GitHub', new ProviderUnreachable(error.message));
      throw providerError('GitHub', error.status, error.response.headers as Record<string, string | undefined>, error.response.data, what);
    }
    if (error instanceof ProviderUnreachable) throw unreachableError('GitHub', error);
    throw error;
  }
}

interface Content {
  name: string;
  path: string;
  type: string;
  size: number;
}

function isContent(value: unknown): value is Content {
  const v = value as Partial<Content> | null;
  return !!v && typeof v === 'object' && typeof v.name === 'string' && typeof v.path === 'string' && typeof v.type === 'string' && typeof v.size === 'number';
}

function entry(c: Content): TreeEntry {
  return { name: c.name, path: c.path, type: c.type === 'dir' ? 'tree' : 'blob', size: c.size };
}
