import { defineConfig } from 'prisma/config';

/**
 * Configuration of the Prisma CLI (Prisma 7 reads the datasource URL from here, not from the schema,
 * and loads no `.env`).
 *
 * `prisma generate` — run by `postinstall` to produce the Prisma client and the Pothos types under
 * `src/generated/` — never runs the schema engine, yet the CLI insists on finding a native engine
 * binary first and tries to download one, which fails offline. Any existing file satisfies that
 * check, so for `generate` alone (and only when no engine is configured) we point it at this file.
 * Every other command keeps Prisma's own behaviour: where the engine can be downloaded, it works
 * unchanged. Migrations are applied by the server itself (src/db/migrations.ts).
 */
process.env['CHECKPOINT_DISABLE'] ??= '1';
if (process.argv.includes('generate')) process.env['PRISMA_SCHEMA_ENGINE_BINARY'] ??= new URL(import.meta.url).pathname;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env['DATABASE_URL'] ? { datasource: { url: process.env['DATABASE_URL'] } } : {}),
});
