import { readFileSync } from 'node:fs';

/**
 * The server version (package.json), build time (BUILD_TIME, else the process start) and git tag
 * (GIT_TAG, else empty), reported by `GET /api/ambient`, `GET /version` and GraphQL `serverVersion`.
 */
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const VERSION = pkg.version;
export const BUILD_TIME = new Date(process.env['BUILD_TIME'] ?? Date.now()).toISOString();
export const GIT_TAG = process.env['GIT_TAG'] ?? '';

/** The body of `GET /version` (head-contract H10), as upstream's version endpoint answers it. */
export const RELEASE = { version: VERSION, build_time: BUILD_TIME, git_tag: GIT_TAG } as const;
