import { afterAll, beforeAll, expect, test } from 'vitest';
import { V1 } from '../support/api.ts';
import { useAuthServer } from '../auth/server.ts';
import { jwks, mint, signingKey, startJwksServer, type JwksServer, type SigningKey } from '../auth/tokens.ts';

/** head-contract H7 in GraphQL: `credentialToken` follows the REST token route's policy and records every read. */

let key: SigningKey;
let idp: JwksServer;
beforeAll(async () => {
  key = await signingKey('k1');
  idp = await startJwksServer(jwks(key));
});
afterAll(() => idp.close());
const server = useAuthServer(() => ({ AUTH_JWKS_URL: idp.url, AUTH_PLATFORM_ADMINS: 'root' }));

test('the owner reads the token, others are refused with the REST codes, and each read is recorded', async () => {
  const s = server();
  const [alice, bob, root] = await Promise.all([mint(key, 'alice'), mint(key, 'bob'), mint(key, 'root')]);
  const created = await s.graphql<{ createCredential: { id: string; databaseId: string } }>(
    'mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id databaseId } }',
    { i: { provider: 'GITLAB', token: 'glpat-abcdefghijklmnopqrst', url: 'https://gitlab.example.com' } },
    alice,
  );
  expect(created.errors).toBeUndefined();
  const { id, databaseId } = created.data!.createCredential;
  const query = 'query($c: ID!) { credentialToken(credential: $c) { credentialId provider token } }';
  const read = await s.graphql<{ credentialToken: Record<string, string> }>(query, { c: id }, alice);
  expect(read.data?.credentialToken).toEqual({ credentialId: databaseId, provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrst' });
  for (const [token, code] of [
    [bob, 7],
    [root, 11],
  ] as const) {
    const refused = await s.graphql(query, { c: id }, token);
    expect(refused.errors?.map((e) => e.extensions.code)).toEqual([code]);
    expect(JSON.stringify(refused)).not.toContain('glpat-');
  }
  const rest = await s.request<Record<string, string>>('GET', `${V1}/credentials/${databaseId}/token`, { token: alice });
  expect(rest.body['token']).toBe('glpat-abcdefghijklmnopqrst');
  const { rows } = await s.db.pool.query(`SELECT actor FROM credential_token_reads WHERE credential_id = $1 ORDER BY seq`, [databaseId]);
  expect(rows).toEqual([{ actor: 'alice' }, { actor: 'alice' }]);
});
