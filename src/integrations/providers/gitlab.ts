import { invalid } from '../../domain/errors.ts';
import { malformedAnswer, providerError, unreachableError } from './errors.ts';
import { ProviderUnreachable, type Fetch } from './transport.ts';
import { blobContent, MAX_BLOB_BYTES, MAX_PAGES, PER_PAGE, type Branch, type BlobView, type Fork, type RepoHost, type TreeEntry } from './types.ts';

/**
 * A GitLab project (gitlab.com or self-hosted) over its REST API v4, with plain fetch on the
 * shared transport. Hand-written on purpose (docs/integrations.md): five endpoints, and
 * @gitbeaker/rest retries 429 and 502 itself up to ten times with growing delays (minutes in
 * all, ignoring Retry-After), which would hold a caller's request instead of answering 429.
 * Redirects are not followed: GitLab's token header would travel with them.
 */

export interface GitlabAccess {
  /** API base: `<instance>/api/v4`. */
  apiUrl: string;
  token: string;
  fetch: Fetch;
}

export class GitlabRepo implements RepoHost {
  readonly provider = 'GitLab' as const;
  private readonly project: string;
  private readonly what: string;

  constructor(
    private readonly access: GitlabAccess,
    projectPath: string,
  ) {
    this.project = encodeURIComponent(projectPath);
    this.what = `project ${projectPath}`;
  }

  async tree(path: string, ref: string | undefined): Promise<TreeEntry[]> {
    const items = await this.pages('/repository/tree', { ...(path ? { path } : {}), ...(ref ? { ref } : {}) }, isTreeItem);
    return items.map((i) => ({ name: i.name, path: i.path, type: i.type === 'tree' ? 'tree' : 'blob' }));
  }

  async blob(path: string, ref: string | undefined): Promise<BlobView> {
    if (path === '') return { is_dir: true, path, entries: await this.tree(path, ref) };
    const refParam = ref ?? (await this.defaultBranch());
    const res = await this.get(`/repository/files/${encodeURIComponent(path)}`, { ref: refParam }, `${this.what} path ${path}`, true);
    if (res === undefined) {
      // Not a file: a directory answers with its entries, as GitHub's contents API does.
      const entries = await this.tree(path, refParam);
      if (entries.length === 0) throw providerError('GitLab', 404, {}, undefined, `${this.what} path ${path}`);
      return { is_dir: true, path, entries };
    }
    const file = res as { content?: unknown; encoding?: unknown; size?: unknown };
    if (typeof file.size === 'number' && file.size > MAX_BLOB_BYTES)
      throw invalid(`${path} is ${file.size} bytes; files up to ${MAX_BLOB_BYTES} bytes can be read here`, 'path');
    if (typeof file.content !== 'string' || file.encoding !== 'base64') throw malformedAnswer('GitLab', `${this.what} path ${path}`);
    return blobContent(Buffer.from(file.content, 'base64'));
  }

  async branches(): Promise<Branch[]> {
    const items = await this.pages('/repository/branches', {}, isBranch);
    return items.map((b) => ({ name: b.name, protected: b.protected, default: b.default, commit: b.commit.id }));
  }

  async forks(): Promise<Fork[]> {
    const items = await this.pages('/forks', { owned: 'true' }, isProject);
    return items.map((p) => ({ name: p.name, full_name: p.path_with_namespace, url: p.web_url }));
  }

  async createFork(): Promise<void> {
    await this.send('POST', `/projects/${this.project}/fork`, {}, this.what);
  }

  private async defaultBranch(): Promise<string> {
    const project = await this.get('', {}, this.what);
    const branch = (project as { default_branch?: unknown }).default_branch;
    if (typeof branch !== 'string' || branch === '') throw invalid(`${this.what} has no default branch; name a ref`, 'ref');
    return branch;
  }

  private async pages<T>(path: string, query: Record<string, string>, is: (v: unknown) => v is T): Promise<T[]> {
    const all: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const data = await this.get(path, { ...query, per_page: String(PER_PAGE), page: String(page) }, this.what);
      if (!Array.isArray(data) || !data.every(is)) throw malformedAnswer('GitLab', this.what);
      all.push(...data);
      if (data.length < PER_PAGE) break;
    }
    return all;
  }

  /** GET under the project; with `missingIsUndefined`, a 404 is an answer, not an error. */
  private async get(path: string, query: Record<string, string>, what: string, missingIsUndefined = false): Promise<unknown> {
    const search = new URLSearchParams(query).toString();
    return this.send('GET', `/projects/${this.project}${path}${search ? `?${search}` : ''}`, undefined, what, missingIsUndefined);
  }

  private async send(method: 'GET' | 'POST', path: string, body: object | undefined, what: string, missingIsUndefined = false): Promise<unknown> {
    let res: Response;
    try {
      res = await this.access.fetch(`${this.access.apiUrl}${path}`, {
        method,
        headers: {
          'PRIVATE-TOKEN': this.access.token,
          Accept: 'application/json',
          'User-Agent': 'ambient-api',
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        redirect: 'manual',
      });
    } catch (error) {
      if (error instanceof ProviderUnreachable) throw unreachableError('GitLab', error);
      throw error;
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      json = undefined;
    }
    if (res.status === 404 && missingIsUndefined) return undefined;
    if (res.status < 200 || res.status > 299) throw providerError('GitLab', res.status, res.headers, json, what);
    if (json === undefined && method === 'GET') throw malformedAnswer('GitLab', what);
    return json;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function isTreeItem(v: unknown): v is { name: string; path: string; type: string } {
  return isObject(v) && typeof v['name'] === 'string' && typeof v['path'] === 'string' && typeof v['type'] === 'string';
}

function isBranch(v: unknown): v is { name: string; protected: boolean; default: boolean; commit: { id: string } } {
  return (
    isObject(v) &&
    typeof v['name'] === 'string' &&
    typeof v['protected'] === 'boolean' &&
    typeof v['default'] === 'boolean' &&
    isObject(v['commit']) &&
    typeof v['commit']['id'] === 'string'
  );
}

function isProject(v: unknown): v is { name: string; path_with_namespace: string; web_url: string } {
  return isObject(v) && typeof v['name'] === 'string' && typeof v['path_with_namespace'] === 'string' && typeof v['web_url'] === 'string';
}
