/**
 * Refreshes every derived file, or with `--check` fails when one differs from a fresh generation
 * (CI runs the check). In order, because each step reads what the one before wrote:
 *
 * 1. `prisma/schema.prisma` from the Kind declarations;
 * 2. the Prisma client and the Pothos datamodel (`prisma generate`, not committed), which the GraphQL
 *    schema is built from — regenerated on every write, so a pull that changed the Kinds never
 *    leaves them stale;
 * 3. the typed GraphQL file of every Kind (`src/schema/<kind>.ts`, src/schema/emit.ts), which the
 *    GraphQL schema is built from;
 * 4. the other Kind-derived files (`openapi/openapi.yaml`, `schema.graphql`), loaded only after steps 2 and 3;
 * 5. the GraphQL Code Generator output (`src/generated/graphql/`), from `schema.graphql` and `graphql/`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { prismaSchema } from '../src/db/prisma-schema.ts';
import codegenConfig from '../codegen.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;

/** Writes `content` to `file` (relative to the root) when it differs; in check mode only reports it. */
async function refresh(file: string, content: string): Promise<void> {
  const target = path.join(root, file);
  const current = await fs.readFile(target, 'utf8').catch(() => undefined);
  if (current === content) return;
  if (check) {
    console.error(`${file} is out of date: run npm run generate`);
    stale++;
    return;
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, content);
  console.log(`wrote ${file}`);
}

await refresh('prisma/schema.prisma', prismaSchema());
if (!check) execFileSync('npx', ['prisma', 'generate'], { cwd: root, stdio: 'inherit' });
// Written before the schema is loaded: the schema is built from them.
const { kindFiles } = await import('../src/schema/emit.ts');
for (const file of kindFiles()) await refresh(file.path, await file.render());
// Imported only now: the GraphQL schema loads the Pothos datamodel that step 2 wrote.
const { GENERATED_FILES } = await import('../src/generated-files.ts');
const written = new Set(['prisma/schema.prisma', ...kindFiles().map((file) => file.path)]);
for (const file of GENERATED_FILES) if (!written.has(file.path)) await refresh(file.path, await file.render());
const outputs = await generate({ ...codegenConfig, silent: true, cwd: root }, false);
for (const output of outputs) await refresh(output.filename, output.content);
process.exit(stale > 0 ? 1 : 0);
