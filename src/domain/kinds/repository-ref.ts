import type { Behaviour } from '../behaviour.ts';
import { invalid } from '../errors.ts';
import type { Values } from '../input.ts';

/** `https://gitlab.com/acme/platform/api.git` → owner `acme/platform`, repo_name `api`; scp form too. */
export function repositoryPath(url: string): { owner?: string; repoName?: string; host?: string } {
  let host: string | undefined;
  let path: string;
  const scp = /^[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):(.*)$/.exec(url);
  if (scp && !url.includes('://')) {
    host = scp[1]!;
    path = scp[2]!;
  } else {
    try {
      const parsed = new URL(url);
      host = parsed.hostname;
      path = parsed.pathname;
    } catch {
      return {};
    }
  }
  const segments = path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/')
    .filter(Boolean);
  const repoName = segments.at(-1);
  const owner = segments.length >= 2 ? segments.slice(0, -1).join('/') : undefined;
  return { host, ...(owner ? { owner } : {}), ...(repoName ? { repoName } : {}) };
}

export function providerOf(host: string | undefined): 'github' | 'gitlab' | undefined {
  if (!host) return undefined;
  const h = host.toLowerCase();
  if (h === 'github.com' || h.includes('github')) return 'github';
  if (h.includes('gitlab')) return 'gitlab';
  return undefined;
}

function derive(values: Values, url: string, explicit: (name: string) => boolean): void {
  const { owner, repoName, host } = repositoryPath(url);
  if (!explicit('owner')) values['owner'] = owner ?? null;
  if (!explicit('repo_name')) values['repo_name'] = repoName ?? null;
  if (!explicit('provider')) values['provider'] = providerOf(host) ?? null;
}

/** RepositoryRefs: owner, repo_name, provider and name derived from the URL unless given. */
export const repositoryRefBehaviour: Behaviour = {
  async prepareCreate(_c, values) {
    derive(values, values['url'] as string, (name) => values[name] !== null && values[name] !== undefined);
    values['name'] ??= values['repo_name'] ?? null;
    if (values['name'] === null) throw invalid('name is required when it cannot be derived from url', 'name');
  },

  async prepareUpdate(_c, current, changes) {
    if (typeof changes['url'] !== 'string' || changes['url'] === current['url']) return;
    derive(changes, changes['url'], (name) => name in changes);
  },
};
