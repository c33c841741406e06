/**
 * `npm run db:migrate`: applies the committed migrations to DATABASE_URL, or to the embedded
 * Postgres under DATA_DIR (default ./data) when DATABASE_URL is unset — no network, no Prisma engine.
 */
import { ConfigError, loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { createLogger } from '../src/log.ts';

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2, log });
  await database.close();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
}
