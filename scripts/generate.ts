/**
 * Writes every file derived from the Kind declarations, or with `--check` fails when a committed
 * one differs from a fresh generation (CI runs the check).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_FILES } from '../src/generated-files.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
const rewritten: string[] = [];
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
    rewritten.push(file.path);
  }
}
// The Prisma client and the Pothos datamodel are built from the Prisma schema: keep them in step.
if (rewritten.includes('prisma/schema.prisma')) execFileSync('npx', ['prisma', 'generate'], { cwd: root, stdio: 'inherit' });
process.exit(stale > 0 ? 1 : 0);
