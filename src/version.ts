import { readFileSync } from 'node:fs';

/** The server version (package.json) and build time (BUILD_TIME, else the process start). */
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const VERSION = pkg.version;
export const BUILD_TIME = new Date(process.env['BUILD_TIME'] ?? Date.now()).toISOString();
