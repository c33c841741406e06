import type { KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import { startFakeServer, type FakeReply, type FakeRequest } from './fake-http.ts';

/**
 * A fake GitHub REST API over real HTTP(S) (github.com's `api.github.com` shape, or an Enterprise
 * server's under `/api/v3`), with the answers GitHub documents: repositories, contents (a
 * directory is an array, a file an object with base64 content wrapped at 60 columns, files over
 * 1 MB with `encoding: "none"`), branches and forks with `Link` paging, fork creation (202), the
 * authenticated user, and App installation tokens for a JWT signed by the App's key. Private
 * repositories are 404 to callers without access, as on GitHub. Every answer carries the
 * `x-ratelimit-*` headers; a spent limit is 403 with `x-ratelimit-remaining: 0`; `failNext` forces
 * a secondary rate limit (403 + `retry-after`), a 429, a 5xx or a malformed body.
 */

export interface FakeRepo {
  default_branch: string;
  private?: boolean;
  /** Who may read a private repository. */
  collaborators?: string[];
  /** Files by path, per branch name (`*` = every ref). */
  files: Record<string, string | Buffer>;
  branches: { name: string; sha: string; protected?: boolean }[];
  forks: { owner: string; name: string }[];
}

export type Failure = 'secondary-rate-limit' | 'too-many-requests' | 'server-error' | 'malformed' | 'unauthorized';

export interface FakeGithub {
  url: string;
  /** REST API base to configure (GITHUB_API_URL, or a credential's `url` + `/api/v3` in Enterprise mode). */
  apiUrl: string;
  repos: Map<string, FakeRepo>;
  /** Tokens → login. */
  tokens: Map<string, string>;
  /** App installations → the account; tokens minted for them act as `installation:<id>`. */
  installations: Map<number, string>;
  appPublicKey: KeyObject | undefined;
  /** Requests left in each caller's hourly budget (key: login, or `anonymous`); default 5000/60. */
  remaining: Map<string, number>;
  /** The next answers (one per entry), whatever was asked. */
  failNext: Failure[];
  /** `METHOD /path?query auth` of each request (auth: the token's login, `app`, or `-`). */
  requests: string[];
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

export async function startFakeGithub(options: { tls?: boolean; enterprise?: boolean } = {}): Promise<FakeGithub> {
  const prefix = options.enterprise ? '/api/v3' : '';
  let minted = 0;
  const fake: FakeGithub = {
    url: '',
    apiUrl: '',
    repos: new Map(),
    tokens: new Map(),
    installations: new Map(),
    appPublicKey: undefined,
    remaining: new Map(),
    failNext: [],
    requests: [],
    close: async () => undefined,
  };

  async function caller(req: FakeRequest): Promise<{ login: string | undefined; app: boolean } | 'bad'> {
    const auth = req.headers.authorization;
    if (!auth) return { login: undefined, app: false };
    const m = /^(?:token|bearer) (.+)$/i.exec(auth);
    if (!m) return 'bad';
    const token = m[1]!;
    if (token.split('.').length === 3 && fake.appPublicKey) {
      try {
        await jwtVerify(token, fake.appPublicKey, { algorithms: ['RS256'] });
        return { login: undefined, app: true };
      } catch {
        return 'bad';
      }
    }
    const login = fake.tokens.get(token);
    return login === undefined ? 'bad' : { login, app: false };
  }

  function limitHeaders(key: string, limit: number): Record<string, string> {
    const left = fake.remaining.get(key) ?? limit;
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, left)),
      'x-ratelimit-used': String(limit - Math.max(0, left)),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1800),
      'x-ratelimit-resource': 'core',
    };
  }

  const notFound = (): FakeReply => ({ status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } });

  function canRead(repo: FakeRepo, login: string | undefined): boolean {
    return !repo.private || (login !== undefined && (repo.collaborators ?? []).includes(login));
  }

  function page<T>(items: T[], url: URL, path: string): { body: T[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const pageNo = Number(url.searchParams.get('page') ?? 1);
    const body = items.slice((pageNo - 1) * perPage, pageNo * perPage);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => `<${fake.url}${path}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
    const links = [
      ...(pageNo < last ? [link(pageNo + 1, 'next'), link(last, 'last')] : []),
      ...(pageNo > 1 ? [link(1, 'first'), link(pageNo - 1, 'prev')] : []),
    ];
    return { body, headers: links.length ? { link: links.join(', ') } : {} };
  }

  function contents(repo: FakeRepo, full: string, path: string, ref: string): FakeReply {
    if (ref !== repo.default_branch && !repo.branches.some((b) => b.name === ref))
      return { status: 404, body: { message: `No commit found for the ref ${ref}`, documentation_url: DOCS, status: '404' } };
    const item = (p: string, type: 'file' | 'dir', size: number) => ({
      name: p.split('/').at(-1)!,
      path: p,
      sha: 'f'.repeat(40),
      size,
      type,
      url: `${fake.apiUrl}/repos/${full}/contents/${p}?ref=${ref}`,
      html_url: `https://github.com/${full}/blob/${ref}/${p}`,
      git_url: null,
      download_url: type === 'file' ? `https://raw.githubusercontent.com/${full}/${ref}/${p}` : null,
      _links: {},
    });
    const file = repo.files[path];
    if (file !== undefined) {
      const bytes = Buffer.from(file);
      const large = bytes.length > 1024 * 1024;
      const b64 = large ? '' : (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';
      return { status: 200, body: { ...item(path, 'file', bytes.length), content: b64, encoding: large ? 'none' : 'base64' } };
    }
    const dir = path === '' ? '' : `${path}/`;
    const children = new Map<string, { type: 'file' | 'dir'; size: number }>();
    for (const [p, content] of Object.entries(repo.files)) {
      if (!p.startsWith(dir)) continue;
      const rest = p.slice(dir.length).split('/');
      children.set(rest[0]!, rest.length > 1 ? { type: 'dir', size: 0 } : { type: 'file', size: Buffer.from(content).length });
    }
    if (children.size === 0) return notFound();
    return {
      status: 200,
      body: [...children.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, c]) => item(`${dir}${name}`, c.type, c.size)),
    };
  }

  async function handle(req: FakeRequest): Promise<FakeReply> {
    const who = await caller(req);
    const path = req.url.pathname.startsWith(prefix) ? req.url.pathname.slice(prefix.length) : '';
    fake.requests.push(`${req.method} ${req.url.pathname}${req.url.search} ${who === 'bad' ? 'bad' : who.app ? 'app' : (who.login ?? '-')}`);
    if (!path) return notFound();
    const failure = fake.failNext.shift();
    if (failure === 'server-error') return { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>Unicorn!</h1></body></html>' };
    if (failure === 'malformed') return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"not json' };
    if (failure === 'secondary-rate-limit')
      return {
        status: 403,
        headers: { 'retry-after': '42' },
        body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: DOCS },
      };
    if (failure === 'too-many-requests')
      return { status: 429, headers: { 'retry-after': '7' }, body: { message: 'Too many requests', documentation_url: DOCS } };
    if (who === 'bad' || failure === 'unauthorized') return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };

    const key = who.app ? 'app' : (who.login ?? 'anonymous');
    const limit = who.login === undefined && !who.app ? 60 : 5000;
    const left = fake.remaining.get(key) ?? limit;
    if (left <= 0) {
      return {
        status: 403,
        headers: limitHeaders(key, limit),
        body: { message: `API rate limit exceeded for ${who.login ?? '127.0.0.1'}.`, documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api` },
      };
    }
    fake.remaining.set(key, left - 1);
    const headers = limitHeaders(key, limit);
    const reply = route(req, path, who);
    return { ...reply, headers: { ...headers, ...reply.headers } };
  }

  function route(req: FakeRequest, path: string, who: { login: string | undefined; app: boolean }): FakeReply {
    const m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
    if (m && req.method === 'POST') {
      if (!who.app) return { status: 401, body: { message: 'A JSON web token could not be decoded', documentation_url: DOCS } };
      const id = Number(m[1]);
      if (!fake.installations.has(id)) return notFound();
      const token = `ghs_installation${id}x${++minted}`;
      fake.tokens.set(token, `installation:${id}`);
      return {
        status: 201,
        body: { token, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: { contents: 'read' }, repository_selection: 'all' },
      };
    }
    if (path === '/user' && req.method === 'GET') {
      if (!who.login || who.login.startsWith('installation:')) return { status: 401, body: { message: 'Requires authentication', documentation_url: DOCS } };
      return { status: 200, body: { login: who.login, id: 1, type: 'User' } };
    }
    const r = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (!r) return notFound();
    const full = `${r[1]}/${r[2]}`;
    const repo = fake.repos.get(full);
    const login = who.login?.startsWith('installation:') ? (repo?.collaborators?.[0] ?? undefined) : who.login;
    if (!repo || !canRead(repo, login)) return notFound();
    const rest = r[3] ?? '';
    if (rest === '' && req.method === 'GET')
      return {
        status: 200,
        body: {
          id: 1,
          name: r[2],
          full_name: full,
          private: !!repo.private,
          default_branch: repo.default_branch,
          owner: { login: r[1] },
          html_url: `https://github.com/${full}`,
        },
      };
    if (rest.startsWith('/contents') && req.method === 'GET') {
      const p = decodeURIComponent(rest.replace(/^\/contents\/?/, ''));
      return contents(repo, full, p, req.url.searchParams.get('ref') ?? repo.default_branch);
    }
    if (rest === '/branches' && req.method === 'GET') {
      const { body, headers } = page(
        repo.branches.map((b) => ({ name: b.name, commit: { sha: b.sha, url: `${fake.apiUrl}/repos/${full}/commits/${b.sha}` }, protected: !!b.protected })),
        req.url,
        `${prefix}/repos/${full}/branches`,
      );
      return { status: 200, body, headers };
    }
    if (rest === '/forks' && req.method === 'GET') {
      const { body, headers } = page(
        repo.forks.map((f) => ({
          id: 2,
          name: f.name,
          full_name: `${f.owner}/${f.name}`,
          owner: { login: f.owner },
          html_url: `https://github.com/${f.owner}/${f.name}`,
          fork: true,
        })),
        req.url,
        `${prefix}/repos/${full}/forks`,
      );
      return { status: 200, body, headers };
    }
    if (rest === '/forks' && req.method === 'POST') {
      if (!login) return { status: 401, body: { message: 'Requires authentication', documentation_url: DOCS } };
      if (!repo.forks.some((f) => f.owner === login)) repo.forks.push({ owner: login, name: r[2]! });
      return {
        status: 202,
        body: { id: 3, name: r[2], full_name: `${login}/${r[2]}`, owner: { login }, html_url: `https://github.com/${login}/${r[2]}`, fork: true },
      };
    }
    return notFound();
  }

  const server = await startFakeServer(options.tls ?? false, handle);
  fake.url = server.url;
  fake.apiUrl = `${server.url}${prefix}`;
  fake.close = server.close;
  return fake;
}
