import { startFakeServer, type FakeReply, type FakeRequest } from './fake-http.ts';

/**
 * A fake GitLab REST API v4 over real HTTP(S), optionally under a path prefix (a self-hosted
 * instance at `https://host/gitlab`): projects addressed by their URL-encoded path, repository
 * tree (paged with `x-next-page`/`x-total`), files (base64), branches, the caller's forks
 * (`owned=true`), and fork creation (201). Authentication by `PRIVATE-TOKEN`: a missing or unknown
 * token is 401 `{"message":"401 Unauthorized"}`; a private project is 404 to others, as on
 * GitLab. `failNext` forces a 429 (with `Retry-After` and `RateLimit-*`), a 5xx, a redirect or a
 * malformed body.
 */

export interface FakeProject {
  default_branch: string;
  /** Usernames that may read it; every token holder when absent. */
  members?: string[];
  files: Record<string, string | Buffer>;
  branches: { name: string; sha: string; protected?: boolean }[];
  forks: { owner: string; path: string }[];
}

export type GitlabFailure = 'rate-limit' | 'server-error' | 'malformed' | 'redirect';

export interface FakeGitlab {
  /** The instance URL (what a credential's `url` holds). */
  url: string;
  projects: Map<string, FakeProject>;
  tokens: Map<string, string>;
  failNext: GitlabFailure[];
  /** `METHOD /path?query user` of each request. */
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeGitlab(options: { tls?: boolean; prefix?: string } = {}): Promise<FakeGitlab> {
  const prefix = `${options.prefix ?? ''}/api/v4`;
  let nextId = 100;
  const ids = new Map<string, number>();
  const fake: FakeGitlab = { url: '', projects: new Map(), tokens: new Map(), failNext: [], requests: [], close: async () => undefined };

  const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeReply => ({ status, body, headers });
  const idOf = (path: string) => {
    if (!ids.has(path)) ids.set(path, nextId++);
    return ids.get(path)!;
  };
  const projectView = (path: string, p: FakeProject) => ({
    id: idOf(path),
    name: path.split('/').at(-1),
    path: path.split('/').at(-1),
    path_with_namespace: path,
    default_branch: p.default_branch,
    web_url: `${fake.url}/${path}`,
  });

  function paged<T>(items: T[], url: URL): FakeReply {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 20));
    const pageNo = Number(url.searchParams.get('page') ?? 1);
    const total = Math.max(1, Math.ceil(items.length / perPage));
    return json(200, items.slice((pageNo - 1) * perPage, pageNo * perPage), {
      'x-page': String(pageNo),
      'x-per-page': String(perPage),
      'x-total': String(items.length),
      'x-total-pages': String(total),
      'x-next-page': pageNo < total ? String(pageNo + 1) : '',
    });
  }

  function handle(req: FakeRequest): FakeReply {
    const user = fake.tokens.get(String(req.headers['private-token'] ?? ''));
    fake.requests.push(`${req.method} ${req.url.pathname}${req.url.search} ${user ?? '-'}`);
    const failure = fake.failNext.shift();
    if (failure === 'rate-limit') {
      const reset = Math.floor(Date.now() / 1000) + 30;
      return json(
        429,
        { message: 'Retry later' },
        { 'retry-after': '30', 'ratelimit-limit': '2000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) },
      );
    }
    if (failure === 'server-error') return { status: 503, headers: { 'content-type': 'text/html' }, body: '<html>GitLab is not responding</html>' };
    if (failure === 'malformed') return { status: 200, headers: { 'content-type': 'application/json' }, body: '[{"name": ' };
    if (failure === 'redirect') return { status: 302, headers: { location: 'https://elsewhere.example/api/v4/steal' } };
    if (!user) return json(401, { message: '401 Unauthorized' });
    if (!req.url.pathname.startsWith(`${prefix}/projects/`)) return json(404, { error: '404 Not Found' });
    // The project id is the URL-encoded path: one segment on the wire.
    const raw = req.url.pathname.slice(`${prefix}/projects/`.length);
    const [encoded, ...restParts] = raw.split('/');
    const path = decodeURIComponent(encoded!);
    const project = fake.projects.get(path);
    if (!project || (project.members && !project.members.includes(user))) return json(404, { message: '404 Project Not Found' });
    const rest = restParts.join('/');
    const ref = req.url.searchParams.get('ref') ?? project.default_branch;
    const knownRef = ref === project.default_branch || project.branches.some((b) => b.name === ref);
    if (rest === '' && req.method === 'GET') return json(200, projectView(path, project));
    if (rest === 'repository/tree' && req.method === 'GET') {
      if (!knownRef) return json(404, { message: '404 Tree Not Found' });
      const dirPath = (req.url.searchParams.get('path') ?? '').replace(/\/+$/, '');
      const dir = dirPath ? `${dirPath}/` : '';
      const children = new Map<string, 'tree' | 'blob'>();
      for (const p of Object.keys(project.files)) {
        if (!p.startsWith(dir)) continue;
        const parts = p.slice(dir.length).split('/');
        children.set(parts[0]!, parts.length > 1 ? 'tree' : 'blob');
      }
      if (children.size === 0 && dir) return json(404, { message: '404 Tree Not Found' });
      const items = [...children.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, type]) => ({ id: 'a'.repeat(40), name, type, path: `${dir}${name}`, mode: type === 'tree' ? '040000' : '100644' }));
      return paged(items, req.url);
    }
    const file = /^repository\/files\/([^/]+)$/.exec(rest);
    if (file && req.method === 'GET') {
      if (!req.url.searchParams.get('ref')) return json(400, { error: 'ref is missing' });
      const filePath = decodeURIComponent(file[1]!);
      const content = project.files[filePath];
      if (content === undefined || !knownRef) return json(404, { message: '404 File Not Found' });
      const bytes = Buffer.from(content);
      return json(200, {
        file_name: filePath.split('/').at(-1),
        file_path: filePath,
        size: bytes.length,
        encoding: 'base64',
        content: bytes.toString('base64'),
        ref,
        blob_id: 'b'.repeat(40),
      });
    }
    if (rest === 'repository/branches' && req.method === 'GET')
      return paged(
        project.branches.map((b) => ({
          name: b.name,
          merged: false,
          protected: !!b.protected,
          default: b.name === project.default_branch,
          commit: { id: b.sha, short_id: b.sha.slice(0, 8) },
        })),
        req.url,
      );
    if (rest === 'forks' && req.method === 'GET') {
      const owned = req.url.searchParams.get('owned') === 'true';
      const forks = project.forks.filter((f) => !owned || f.owner === user);
      return paged(
        forks.map((f) => ({
          id: idOf(f.path),
          name: f.path.split('/').at(-1),
          path_with_namespace: f.path,
          web_url: `${fake.url}/${f.path}`,
          owner: { username: f.owner },
        })),
        req.url,
      );
    }
    if (rest === 'fork' && req.method === 'POST') {
      const forkPath = `${user}/${path.split('/').at(-1)}`;
      if (project.forks.some((f) => f.path === forkPath)) return json(409, { message: { base: ['Project already exists'] } });
      project.forks.push({ owner: user, path: forkPath });
      return json(201, { id: idOf(forkPath), path_with_namespace: forkPath, import_status: 'scheduled' });
    }
    return json(404, { error: '404 Not Found' });
  }

  const server = await startFakeServer(options.tls ?? false, handle);
  fake.url = `${server.url}${options.prefix ?? ''}`;
  fake.close = server.close;
  return fake;
}
