import { invalid } from '../../domain/errors.ts';

/**
 * What a caller names as a repository — `owner/repo`, an https URL (optionally `.git`), or an SSH
 * remote (`git@host:owner/repo.git`, `ssh://git@host/owner/repo.git`) — reduced to a host and
 * the path segments. Every segment is a plain name: nothing that could climb out of the
 * repository's path on the provider's API (`..`, encoded slashes, control characters).
 */

export interface RepoRef {
  /** `host[:port]`, lower-case; undefined for the `owner/repo` short form (GitHub). */
  host: string | undefined;
  /** The URL's path segments (before any `.git`), e.g. `['acme', 'widgets']` or `['group', 'sub', 'proj']`. */
  segments: string[];
  /** What the caller sent, for messages. */
  text: string;
}

const SEGMENT = /^[A-Za-z0-9_.-]{1,100}$/;
const MAX_LENGTH = 512;

export function parseRepo(input: string | null | undefined, field = 'repo'): RepoRef {
  const text = (input ?? '').trim();
  if (text === '') throw invalid(`${field} is required`, field);
  if (text.length > MAX_LENGTH) throw invalid(`${field} is longer than ${MAX_LENGTH} characters`, field);
  let host: string | undefined;
  let path: string;
  const scp = /^[A-Za-z0-9_.-]+@([A-Za-z0-9.-]+):(?!\/\/)(.+)$/.exec(text);
  if (scp) {
    host = scp[1]!.toLowerCase();
    path = scp[2]!;
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw invalid(`${field} is not a valid URL`, field);
    }
    if (!['https:', 'http:', 'ssh:'].includes(url.protocol)) throw invalid(`${field} must be an https or ssh URL`, field);
    if (url.protocol !== 'ssh:' && (url.username || url.password)) throw invalid(`${field} must not carry credentials`, field);
    if (url.search || url.hash) throw invalid(`${field} must not have a query or fragment`, field);
    host = url.host.toLowerCase();
    path = url.pathname;
  } else {
    path = text;
  }
  const segments = path
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/')
    .filter((s, i) => !(i === 0 && s === ''));
  if (segments.length < 2 || segments.some((s) => !SEGMENT.test(s) || s === '.' || s === '..'))
    throw invalid(`${field} must name a repository as owner/repo, an https URL or an SSH remote`, field);
  if (host === undefined && segments.length !== 2) throw invalid(`${field} must be owner/repo or a full URL`, field);
  return { host, segments, text };
}

/** A path inside a repository: relative, no `.`/`..` segments, no control characters; `''` is the root. */
export function repoPath(input: string | null | undefined, field = 'path'): string {
  const raw = input ?? '';
  if (raw.length > 4096) throw invalid(`${field} is longer than 4096 characters`, field);
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) throw invalid(`${field} contains a control character or a backslash`, field);
  const segments = raw.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) throw invalid(`${field} must not contain . or .. segments`, field);
  return segments.join('/');
}

/** A branch, tag or commit: git's own rules, simplified to what can be passed on safely. */
export function gitRef(input: string | null | undefined, field = 'ref'): string | undefined {
  const raw = (input ?? '').trim();
  if (raw === '') return undefined;
  if (raw.length > 255 || /[\u0000-\u0020\u007f~^:?*[\\]/.test(raw) || raw.includes('..') || raw.startsWith('/') || raw.endsWith('/'))
    throw invalid(`${field} is not a valid git ref`, field);
  return raw;
}
