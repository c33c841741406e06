import { invalid } from './errors.ts';

/**
 * Checks on names the server forwards to a session's runner (runtime.md §d rows 1–8, and the
 * repository names of rest-contract §10.5). They run on our side, before any call: the runner's own
 * checks differ by route, and its repos routes have none.
 */

const MAX_PATH_LENGTH = 4096;

/**
 * A path relative to the workspace root, normalised (`.` and empty segments dropped), or a 400
 * code 8 for a path that could leave it: `..` segments (also still-encoded ones such as `%2e%2e`,
 * which some layer might decode again), absolute paths (`/x`, `\x`, `C:`), backslashes, NUL and
 * other control characters. `''` is the root, allowed only where `allowRoot` says so.
 */
export function workspacePath(raw: string, options: { field?: string; allowRoot?: boolean } = {}): string {
  const field = options.field ?? 'path';
  const refuse = (why: string) => invalid(`${field} '${printable(raw)}' ${why}`, field);
  if (raw.length > MAX_PATH_LENGTH) throw invalid(`${field} is longer than ${MAX_PATH_LENGTH} characters`, field);
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw refuse('contains control characters');
  if (raw.includes('\\')) throw refuse('contains a backslash');
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) throw refuse('is absolute; paths are relative to the workspace');
  const segments = raw.split('/').filter((s) => s !== '' && s !== '.');
  for (const segment of segments) if (segment === '..' || decodesToTraversal(segment)) throw refuse('leaves the workspace');
  if (segments.length === 0 && !options.allowRoot) throw invalid(`${field} must name a file in the workspace`, field);
  return segments.join('/');
}

/** A repository's directory name in the workspace: a single safe path segment. */
export function repositoryName(name: string, field = 'name'): string {
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name) || /^\.+$/.test(name)) {
    throw invalid(`repository name '${printable(name)}' must be 1–100 of [A-Za-z0-9_.-] and not only dots`, field);
  }
  return name;
}

function decodesToTraversal(segment: string): boolean {
  let current = segment;
  // A few rounds cover %2e%2e, %252e%252e and the like; the length bound keeps it cheap.
  for (let round = 0; round < 3 && current.includes('%'); round++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (current.split(/[/\\]/).some((part) => part === '..')) return true;
  }
  return false;
}

/** The value for an error message: bounded, control characters shown escaped. */
function printable(value: string): string {
  const shown = value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}
