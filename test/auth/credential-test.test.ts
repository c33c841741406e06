import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserActor } from '../../src/auth/actor.ts';
import { loadConfig } from '../../src/config.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { Integrations } from '../../src/integrations/index.ts';
import { V1 } from '../support/api.ts';
import { testLog } from '../support/database.ts';
import { providerEnv, startFakeProvider, type FakeProvider } from './fake-provider.ts';
import { useAuthServer } from './server.ts';
import { unsigned } from './tokens.ts';

/**
 * `POST /credentials/{id}/test` (rest-contract §9.14, runtime.md §c.2): one live call to the
 * provider — a fake GitHub, GitHub Enterprise, GitLab and Jira over HTTPS here — and always a
 * verdict, never an error, unless the credential is not the caller's.
 */

let fake: FakeProvider;
let keyFile: string;

beforeAll(async () => {
  fake = await startFakeProvider();
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  fake.appPublicKey = publicKey;
  keyFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-app-')), 'app.pem');
  // GitHub hands out PKCS#1 keys ("BEGIN RSA PRIVATE KEY").
  await fs.writeFile(keyFile, privateKey.export({ type: 'pkcs1', format: 'pem' }));
});
afterAll(() => fake.close());

const server = useAuthServer(() => ({ ...providerEnv(fake), GITHUB_APP_ID: '42', GITHUB_APP_PRIVATE_KEY_FILE: keyFile }));
/** Without PROVIDER_CA_FILE: the fake's certificate is not trusted. */
const untrusting = useAuthServer(() => ({ ...providerEnv(fake), PROVIDER_CA_FILE: '' }));

type Json = Record<string, unknown>;
const ada = unsigned({ preferred_username: 'ada' });

/** Ada's credential for the body's provider, replacing an earlier one. */
async function fresh(s: ReturnType<typeof server>, body: Json): Promise<Json> {
  const list = await s.request<{ items: Json[] }>('GET', `${V1}/credentials`, { token: ada });
  for (const item of list.body.items) if (item['provider'] === body['provider']) await s.request('DELETE', `${V1}/credentials/${item['id']}`, { token: ada });
  const created = await s.request<Json>('POST', `${V1}/credentials`, { token: ada, body });
  expect(created.status, created.text).toBe(201);
  return created.body;
}

async function check(s: ReturnType<typeof server>, body: Json): Promise<Json> {
  const created = { body: await fresh(s, body) };
  const res = await s.request<Json>('POST', `${V1}/credentials/${created.body['id']}/test`, { token: ada });
  expect(res.status).toBe(200);
  return res.body;
}

describe('a live check per provider', () => {
  test('GitHub token: GET /user, on github.com (configurable API) and on an Enterprise server', async () => {
    fake.tokens.set('ghp_goodtoken', { login: 'octocat' });
    expect(await check(server(), { provider: 'github', token: 'ghp_goodtoken' })).toEqual({ valid: true, message: 'authenticated as octocat' });
    expect(await check(server(), { provider: 'github', token: 'ghp_revoked' })).toEqual({ valid: false, error: 'GitHub rejected the credential (HTTP 401)' });
    fake.requests.length = 0;
    expect(await check(server(), { provider: 'github', token: 'ghp_goodtoken', url: `${fake.url}/ghe` })).toEqual({
      valid: true,
      message: 'authenticated as octocat',
    });
    expect(fake.requests).toEqual(['GET /ghe/api/v3/user']);
  });

  test('GitHub App installation: looked up with a JWT signed by the App’s key', async () => {
    fake.appInstallations.set(1234, 'acme');
    expect(await check(server(), { provider: 'github', installation_id: 1234 })).toEqual({ valid: true, message: 'GitHub App installation 1234 on acme' });
    expect(await check(server(), { provider: 'github', installation_id: 5678 })).toEqual({ valid: false, error: 'GitHub App installation 5678 not found' });
  });

  test('GitLab: GET <url>/api/v4/user with the token', async () => {
    expect(await check(server(), { provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrst', url: `${fake.url}/gitlab` })).toEqual({
      valid: true,
      message: 'authenticated as tanuki',
    });
    expect(await check(server(), { provider: 'gitlab', token: 'glpat-wrongwrongwrongwrong', url: `${fake.url}/gitlab` })).toEqual({
      valid: false,
      error: 'GitLab rejected the credential (HTTP 401)',
    });
  });

  test('Jira: API v3, then v2 (Jira Server), with Basic email:token', async () => {
    fake.requests.length = 0;
    expect(await check(server(), { provider: 'jira', url: `${fake.url}/jira`, email: 'ada@example.com', token: 'jira-token' })).toEqual({
      valid: true,
      message: 'authenticated as Ada Lovelace',
    });
    expect(fake.requests).toEqual(['GET /jira/rest/api/3/myself', 'GET /jira/rest/api/2/myself']);
    expect(await check(server(), { provider: 'jira', url: `${fake.url}/jira`, email: 'ada@example.com', token: 'wrong' })).toEqual({
      valid: false,
      error: 'Jira rejected the credential (HTTP 401)',
    });
  });

  test('an unreachable provider, or one whose certificate is not trusted: a verdict, not an error', async () => {
    const unreachable = await check(server(), { provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrst', url: 'https://127.0.0.1:1' });
    expect(unreachable).toMatchObject({ valid: false, error: expect.stringMatching(/^127\.0\.0\.1:1 could not be reached/) });
    const untrusted = await check(untrusting(), { provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrst', url: `${fake.url}/gitlab` });
    expect(untrusted).toMatchObject({ valid: false, error: expect.stringMatching(/could not be reached: .*certificate/) });
  });
});

test('without an encryption key the secret cannot be read: 503 code 31', async () => {
  const s = server();
  const created = { body: await fresh(s, { provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrst', url: `${fake.url}/gitlab` }) };
  const config = loadConfig({ ...providerEnv(fake) });
  const keyless = new Integrations(s.services.domain, config.integrations, undefined, testLog);
  const owner: UserActor = { type: 'user', userId: created.body['user_id'] as string, username: 'ada', groups: [], platformAdmin: false };
  const error = await keyless.testCredential({ actor: owner }, created.body['id'] as string).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(31);
});
