import { expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

test('defaults', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({ databaseUrl: undefined, host: '127.0.0.1', port: 8000, logLevel: 'info', nodeEnv: 'development', databasePoolMax: 10 });
  expect(config.dataDir).toMatch(/\/data$/);
  expect(config.credentialsEncryptionKeys).toEqual([]);
});

test('every problem is reported at once', () => {
  let error: unknown;
  try {
    loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', CREDENTIALS_ENCRYPTION_KEY: 'short', NODE_ENV: 'staging' });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const problems = (error as ConfigError).problems;
  expect(problems).toHaveLength(5);
  expect(problems).toEqual(
    expect.arrayContaining([
      'PORT must be an integer',
      'LOG_LEVEL must be one of debug, info, warn, error',
      'DATABASE_URL must be a postgres:// or postgresql:// URL',
      'CREDENTIALS_ENCRYPTION_KEY entry 1 must be 32 bytes of base64',
      'NODE_ENV must be one of development, production, test',
    ]),
  );
  expect((error as ConfigError).message).toMatch(/^invalid configuration:\n {2}- /);
});

test('empty variables count as unset; rotation keys are read in order', () => {
  const a = Buffer.alloc(32, 1).toString('base64');
  const b = Buffer.alloc(32, 2).toString('base64');
  const config = loadConfig({ DATABASE_URL: '', PORT: '9000', CREDENTIALS_ENCRYPTION_KEY: `${a}, ${b}` });
  expect(config.databaseUrl).toBeUndefined();
  expect(config.port).toBe(9000);
  expect(config.credentialsEncryptionKeys.map((k) => k[0])).toEqual([1, 2]);
});
