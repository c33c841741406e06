import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

test('GRAPHQL_TRUSTED_DOCUMENTS: a manifest file is read at start; enforced by default only in production', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ambient-config-'));
  try {
    const manifest = path.join(dir, 'persisted-documents.json');
    fs.writeFileSync(manifest, JSON.stringify({ 'sha256:abc': 'query A { a }' }));
    expect(loadConfig({}).graphqlTrustedDocuments).toBeUndefined();
    expect(loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: manifest }).graphqlTrustedDocuments).toEqual({
      manifest: { 'sha256:abc': 'query A { a }' },
      allowArbitraryOperations: true,
    });
    expect(loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: manifest, NODE_ENV: 'production' }).graphqlTrustedDocuments?.allowArbitraryOperations).toBe(false);
    expect(loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: manifest, GRAPHQL_ARBITRARY_OPERATIONS: 'off' }).graphqlTrustedDocuments?.allowArbitraryOperations).toBe(
      false,
    );
    const problems = (file: string) => {
      try {
        loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: file });
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    };
    fs.writeFileSync(path.join(dir, 'list.json'), '["query A { a }"]');
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"sha256:abc":');
    fs.writeFileSync(path.join(dir, 'numbers.json'), '{"sha256:abc": 1}');
    expect(problems(path.join(dir, 'absent.json'))).toEqual(['GRAPHQL_TRUSTED_DOCUMENTS must name a readable file']);
    expect(problems(path.join(dir, 'broken.json'))).toEqual(['GRAPHQL_TRUSTED_DOCUMENTS must be a JSON file']);
    for (const file of ['list.json', 'numbers.json']) {
      expect(problems(path.join(dir, file))).toEqual(['GRAPHQL_TRUSTED_DOCUMENTS must hold a non-empty JSON object of document hash → document text']);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('OAUTH_RETURN_ORIGINS: defaults to CORS_ORIGINS (never *), normalized; set, it replaces them', () => {
  expect(loadConfig({}).integrations.oauthReturnOrigins).toEqual([]);
  expect(loadConfig({ CORS_ORIGINS: '*' }).integrations.oauthReturnOrigins).toEqual([]);
  expect(loadConfig({ CORS_ORIGINS: 'https://UI.example.com:443, http://localhost:3000' }).integrations.oauthReturnOrigins).toEqual([
    'https://ui.example.com',
    'http://localhost:3000',
  ]);
  expect(loadConfig({ CORS_ORIGINS: 'https://ui.example.com', OAUTH_RETURN_ORIGINS: 'https://other.example.com' }).integrations.oauthReturnOrigins).toEqual([
    'https://other.example.com',
  ]);
  expect(() => loadConfig({ OAUTH_RETURN_ORIGINS: '*' })).toThrow('OAUTH_RETURN_ORIGINS entries must be scheme://host[:port]');
  expect(() => loadConfig({ OAUTH_RETURN_ORIGINS: 'https://ui.example.com/path' })).toThrow('OAUTH_RETURN_ORIGINS entries must be scheme://host[:port]');
});
