import { expect, test } from 'vitest';
import type { UserActor } from '../../src/auth/actor.ts';
import { SecretBox } from '../../src/auth/secret-box.ts';
import { Integrations } from '../../src/integrations/index.ts';
import { V1 } from '../support/api.ts';
import { testLog } from '../support/database.ts';
import { TEST_KEY } from '../support/domain.ts';
import { openStream } from '../support/sse.ts';
import { useAuthServer } from './server.ts';
import { unsigned } from './tokens.ts';

/**
 * Secrets at rest (runtime.md §c.3): nothing in the database, the change log or any response holds
 * a secret in a readable form; ciphertexts are bound to their row and column; keys rotate.
 */

const NEW_KEY = Buffer.alloc(32, 9);
const server = useAuthServer(() => ({}));
/** The same database read by a server whose first key is new and whose second is the old one. */
const rotated = useAuthServer(() => ({ CREDENTIALS_ENCRYPTION_KEY: `${NEW_KEY.toString('base64')},${TEST_KEY.toString('base64')}` }));

type Json = Record<string, unknown>;
const PLAIN = ['glpat-SECRETsecretSECRET42', 'jira-SECRET-token-42'];
const user = (name: string) => unsigned({ preferred_username: name });

/** Every value of every row of every table, as text. */
async function wholeDatabase(pool: { query: (q: string) => Promise<{ rows: { t: string }[] }> }): Promise<string> {
  const tables = (await pool.query(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.t);
  let text = '';
  for (const table of tables) text += (await pool.query(`SELECT coalesce(json_agg(x)::text, '') AS t FROM "${table}" x`)).rows[0]!.t;
  return text;
}

test('secrets appear nowhere readable: not in the tables, the change log, responses or watch streams', async () => {
  const s = server();
  const watch = await openStream(`${s.url}${V1}/credentials?watch=true`, { Authorization: `Bearer ${user('keeper')}` });
  const gitlab = await s.request<Json>('POST', `${V1}/credentials`, { token: user('keeper'), body: { provider: 'gitlab', token: PLAIN[0] } });
  const jira = await s.request<Json>('POST', `${V1}/credentials`, {
    token: user('keeper'),
    body: { provider: 'jira', url: 'https://jira.example.com', email: 'k@example.com', token: PLAIN[1] },
  });
  await s.request('PATCH', `${V1}/credentials/${gitlab.body['id']}`, { token: user('keeper'), body: { token: `${PLAIN[0]}-rotated` } });
  const frames = [await watch.nextData(), await watch.nextData(), await watch.nextData()];
  watch.close();

  const responses = JSON.stringify([gitlab.body, jira.body, (await s.request('GET', `${V1}/credentials`, { token: user('keeper') })).body, frames]);
  const database = await wholeDatabase(s.db.pool as never);
  for (const secret of PLAIN) {
    for (const encoding of [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url'), Buffer.from(secret).toString('hex')]) {
      expect(database).not.toContain(encoding);
      expect(responses).not.toContain(encoding);
    }
  }
  expect(responses).not.toMatch(/token_enc|"token"/);

  // What is stored: the format of §c.3, with the key id of the encryption key.
  const { rows } = await s.db.pool.query<{ id: string; token_enc: string }>('SELECT id, token_enc FROM credentials WHERE id = ANY($1)', [
    [gitlab.body['id'], jira.body['id']],
  ]);
  const keyId = new SecretBox([TEST_KEY]).encrypt('x', 'y').split('.')[1];
  for (const row of rows) expect(row.token_enc).toMatch(new RegExp(`^v1\\.${keyId}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]+$`));
});

test('a ciphertext moved to another row does not decrypt: the live test says so instead of using it', async () => {
  const s = server();
  const mine = await s.request<Json>('POST', `${V1}/credentials`, {
    token: user('mover'),
    body: { provider: 'gitlab', token: PLAIN[0], url: 'https://127.0.0.1:1' },
  });
  const theirs = await s.request<Json>('POST', `${V1}/credentials`, {
    token: user('victim'),
    body: { provider: 'gitlab', token: 'glpat-victimvictimvictim', url: 'https://127.0.0.1:1' },
  });
  // Someone with write access to the database copies the victim's ciphertext into their own row.
  await s.db.pool.query('UPDATE credentials SET token_enc = (SELECT token_enc FROM credentials WHERE id = $1) WHERE id = $2', [
    theirs.body['id'],
    mine.body['id'],
  ]);
  const res = await s.request<Json>('POST', `${V1}/credentials/${mine.body['id']}/test`, { token: user('mover') });
  expect(res.body).toEqual({ valid: false, error: 'the stored secret cannot be decrypted with the configured keys' });
});

test('key rotation: the first key encrypts, every key decrypts', async () => {
  const before = server();
  const created = await before.request<Json>('POST', `${V1}/credentials`, {
    token: user('rotor'),
    body: { provider: 'gitlab', token: PLAIN[0], url: 'https://127.0.0.1:1' },
  });
  const id = created.body['id'] as string;
  const owner: UserActor = { type: 'user', userId: created.body['user_id'] as string, username: 'rotor', groups: [], platformAdmin: false };
  const testWith = (keys: Buffer[]) =>
    new Integrations(before.services.domain, before.config.integrations, new SecretBox(keys), testLog).testCredential({ actor: owner }, id);
  // With the new key first and the old one still listed, the old ciphertext decrypts (the check then reaches for the provider)…
  expect(await testWith([NEW_KEY, TEST_KEY])).toMatchObject({ valid: false, error: expect.stringMatching(/could not be reached/) });
  // …and once the old key is gone, it does not.
  expect(await testWith([NEW_KEY])).toEqual({ valid: false, error: 'the stored secret cannot be decrypted with the configured keys' });

  // A server configured with the new key first writes with it.
  const again = await rotated().request<Json>('POST', `${V1}/credentials`, { token: user('rotor'), body: { provider: 'gitlab', token: PLAIN[0] } });
  const [fresh] = (await rotated().db.pool.query<{ token_enc: string }>('SELECT token_enc FROM credentials WHERE id = $1', [again.body['id']])).rows;
  expect(fresh!.token_enc.split('.')[1]).toBe(new SecretBox([NEW_KEY]).encrypt('x', 'y').split('.')[1]);
});
