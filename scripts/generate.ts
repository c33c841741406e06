/**
 * Writes every file derived from the Kind declarations, or with `--check` fails when a committed
 * one differs from a fresh generation (CI runs the check).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_FILES } from '../src/generated-files.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
for (const file of GENERATED_FILES) {
  const target = path.join(root, file.path);
  const fresh = await file.render();
  const current = await fs.readFile(target, 'utf8').catch(() => undefined);
  if (current === fresh) continue;
  if (check) {
    console.error(`${file.path} is out of date: run npm run generate`);
    stale++;
  } else {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, fresh);
    console.log(`wrote ${file.path}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
