import { describe, expect, test } from 'vitest';
import { SecretBox, secretContext } from '../../src/auth/secret-box.ts';
import { Domain } from '../../src/domain/service.ts';
import { hashKey } from '../../src/domain/kinds/project-key.ts';
import { Credential, Permission, ProjectKey, ProjectSettings, RepositoryRef, User } from '../../src/kinds/index.ts';
import { as, platformAdmin, seedProject, seedUser, userActor } from '../support/fixtures.ts';
import { eventsOf, failure, TEST_KEY, useDomain } from '../support/domain.ts';

/** Kind-specific rules: derived values, group access, project keys, credentials, users. */

const { db, domain } = useDomain();
const admin = as(platformAdmin);

describe('RepositoryRef derivation', () => {
  test.each([
    ['https://github.com/acme/web.git', { owner: 'acme', repo_name: 'web', provider: 'github', name: 'web' }],
    ['https://gitlab.com/acme/platform/api.git', { owner: 'acme/platform', repo_name: 'api', provider: 'gitlab', name: 'api' }],
    ['git@github.com:acme/tools.git', { owner: 'acme', repo_name: 'tools', provider: 'github', name: 'tools' }],
    ['https://git.example.com/solo/', { owner: null, repo_name: 'solo', provider: null, name: 'solo' }],
    ['https://github.enterprise.local/org/x', { owner: 'org', repo_name: 'x', provider: 'github' }],
  ])('%s', async (url, expected) => {
    const d = domain();
    const p = await seedProject(d);
    expect(await d.create(admin, RepositoryRef, { project_id: p.id, url })).toMatchObject(expected);
  });

  test('explicit values win; a URL change re-derives what was not given', async () => {
    const d = domain();
    const p = await seedProject(d);
    const ref = await d.create(admin, RepositoryRef, { project_id: p.id, url: 'https://github.com/a/b', name: 'mine', owner: 'someone' });
    expect(ref).toMatchObject({ name: 'mine', owner: 'someone', repo_name: 'b' });
    const moved = await d.update(admin, RepositoryRef, ref.id, { url: 'https://gitlab.com/c/d/e.git' });
    expect(moved).toMatchObject({ name: 'mine', owner: 'c/d', repo_name: 'e', provider: 'gitlab' });
  });
});

describe('ProjectSettings.group_access is a view over group Permissions', () => {
  test('writing it creates, updates and deletes group permissions, each with its own event', async () => {
    const d = domain();
    const p = await seedProject(d);
    const settings = await d.create(admin, ProjectSettings, {
      project_id: p.id,
      group_access: '[{"role":"view","group_name":"zeta"},{"group_name":"alpha","role":"edit"}]',
    });
    expect(settings['group_access']).toBe('[{"group_name":"alpha","role":"edit"},{"group_name":"zeta","role":"view"}]');

    const groups = async () =>
      (await d.list(admin, Permission, { projectRef: p.id })).rows.filter((r) => r['subject_type'] === 'group').map((r) => [r['subject_name'], r['role']]);
    expect(await groups()).toEqual(
      expect.arrayContaining([
        ['alpha', 'edit'],
        ['zeta', 'view'],
      ]),
    );

    const alpha = (await d.list(admin, Permission, { projectRef: p.id })).rows.find((r) => r['subject_name'] === 'alpha')!;
    const updated = await d.update(admin, ProjectSettings, settings.id, {
      group_access: '[{"group_name":"alpha","role":"admin"},{"group_name":"new","role":"view"}]',
    });
    expect(updated['group_access']).toBe('[{"group_name":"alpha","role":"admin"},{"group_name":"new","role":"view"}]');
    expect((await eventsOf(db(), alpha.id)).map((e) => e.type)).toEqual(['ADDED', 'MODIFIED']);
    expect(await groups()).toEqual(
      expect.arrayContaining([
        ['alpha', 'admin'],
        ['new', 'view'],
      ]),
    );
    expect((await groups()).length).toBe(2);

    const cleared = await d.update(admin, ProjectSettings, settings.id, { group_access: null });
    expect(cleared['group_access']).toBe('[]');
    expect(await groups()).toEqual([]);
    // A user permission is not touched by group_access.
    expect((await d.list(admin, Permission, { projectRef: p.id })).rows.some((r) => r['subject_type'] === 'user')).toBe(true);
  });

  test('duplicate groups and bad roles are refused', async () => {
    const d = domain();
    const p = await seedProject(d);
    const dup = await failure(
      d.create(admin, ProjectSettings, { project_id: p.id, group_access: '[{"group_name":"a","role":"view"},{"group_name":"a","role":"edit"}]' }),
    );
    expect([dup.code, dup.reason]).toEqual([8, "group_access: group 'a' is listed twice"]);
    const role = await failure(d.create(admin, ProjectSettings, { project_id: p.id, group_access: '[{"group_name":"a","role":"owner"}]' }));
    expect(role.reason).toBe('group_access: item 0: role must be one of: admin, edit, view');
  });

  test('deleting the settings leaves the group permissions', async () => {
    const d = domain();
    const p = await seedProject(d);
    const s = await d.create(admin, ProjectSettings, { project_id: p.id, group_access: '[{"group_name":"g","role":"view"}]' });
    await d.delete(admin, ProjectSettings, s.id);
    expect((await d.list(admin, Permission, { projectRef: p.id })).rows.some((r) => r['subject_name'] === 'g')).toBe(true);
  });
});

describe('project keys', () => {
  test('the secret is stored only as its SHA-256 hash', async () => {
    const d = domain();
    const p = await seedProject(d);
    const key = await d.create(admin, ProjectKey, { project_id: p.id, name: 'ci', role: 'view' });
    const { rows } = await db().pool.query(`SELECT secret_hash FROM project_keys WHERE id = $1`, [key.id]);
    expect(rows[0].secret_hash).toBe(hashKey(key['key'] as string));
    expect(JSON.stringify(await eventsOf(db(), key.id))).not.toContain(key['key'] as string);
  });

  test('a key cannot exceed its creator’s role, nor be created by a key, nor expire in the past', async () => {
    const d = domain();
    const owner = await seedUser(d);
    const editor = await seedUser(d);
    const p = await seedProject(d, userActor(owner));
    await d.create(admin, Permission, { project_id: p.id, subject_type: 'user', subject_name: editor['username'], role: 'edit' });
    const tooStrong = await failure(d.create(as(userActor(editor)), ProjectKey, { project_id: p.id, name: 'k', role: 'admin' }));
    expect(tooStrong.code).toBe(11);
    const byKey = await failure(
      d.create(as({ type: 'key', keyId: 'k', projectId: p.id, role: 'admin', creatorId: owner.id }), ProjectKey, { project_id: p.id, name: 'k' }),
    );
    expect(byKey.code).toBe(11);
    const past = await failure(d.create(admin, ProjectKey, { project_id: p.id, name: 'k', expires_at: '2001-01-01T00:00:00Z' }));
    expect([past.code, past.reason]).toEqual([8, 'expires_at must be in the future']);
  });

  test('editors revoke only their own keys; admins any', async () => {
    const d = domain();
    const owner = await seedUser(d);
    const e1 = await seedUser(d);
    const e2 = await seedUser(d);
    const p = await seedProject(d, userActor(owner));
    for (const e of [e1, e2])
      await d.create(as(userActor(owner)), Permission, { project_id: p.id, subject_type: 'user', subject_name: e['username'], role: 'edit' });
    const k1 = await d.create(as(userActor(e1)), ProjectKey, { project_id: p.id, name: 'k1' });
    expect((await failure(d.delete(as(userActor(e2)), ProjectKey, k1.id))).code).toBe(11);
    await d.update(as(userActor(e1)), ProjectKey, k1.id, { description: 'mine' });
    await d.delete(as(userActor(owner)), ProjectKey, k1.id);
  });
});

describe('credentials', () => {
  const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

  test('tokens are encrypted at rest, bound to their row, and purged on delete', async () => {
    const d = domain();
    const user = await seedUser(d);
    const cred = await d.create(as(userActor(user)), Credential, { provider: 'github', token: TOKEN });
    const { rows } = await db().pool.query(`SELECT token_enc FROM credentials WHERE id = $1`, [cred.id]);
    const stored = rows[0].token_enc as string;
    expect(stored).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(stored).not.toContain(TOKEN);
    const box = new SecretBox([TEST_KEY]);
    expect(box.decrypt(stored, secretContext('credentials', cred.id, 'token_enc'))).toBe(TOKEN);
    expect(() => box.decrypt(stored, secretContext('credentials', 'another-row', 'token_enc'))).toThrow();
    expect(JSON.stringify(await eventsOf(db(), cred.id))).not.toContain(TOKEN);

    await d.delete(as(userActor(user)), Credential, cred.id);
    const after = await db().pool.query(`SELECT token_enc, refresh_token_enc FROM credentials WHERE id = $1`, [cred.id]);
    expect(after.rows[0]).toEqual({ token_enc: null, refresh_token_enc: null });
  });

  test('rotation with the first key, decryption with any', async () => {
    const old = Buffer.alloc(32, 1);
    const fresh = Buffer.alloc(32, 2);
    const sealed = new SecretBox([old]).encrypt('s3cret', 'a');
    const rotated = new SecretBox([fresh, old]);
    expect(rotated.decrypt(sealed, 'a')).toBe('s3cret');
    expect(rotated.encrypt('x', 'a').split('.')[1]).not.toBe(sealed.split('.')[1]);
  });

  test('no encryption key: writes that store a secret answer 503 code 31', async () => {
    const d = new Domain(db().pool);
    const user = await seedUser(d);
    const error = await failure(d.create(as(userActor(user)), Credential, { provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrstu' }));
    expect([error.code, error.reason]).toEqual([31, 'credential encryption is not configured']);
    const app = await d.create(as(userActor(user)), Credential, { provider: 'github', installation_id: 12 });
    expect(app).toMatchObject({ auth_type: 'app', has_token: false });
  });

  test.each([
    [{ provider: 'google' }, 'google credentials are created through the OAuth flow'],
    [{ provider: 'github' }, 'github credentials require token or installation_id'],
    [{ provider: 'gitlab' }, 'gitlab credentials require token'],
    [{ provider: 'jira', url: 'https://x.atlassian.net', token: 't' }, 'jira credentials require url, email, token'],
    [
      { provider: 'jira', url: 'https://x.atlassian.net', email: 'a@b.c', token: 't', installation_id: 3 },
      'installation_id does not apply to jira credentials',
    ],
    [{ provider: 'github', token: 'not-a-github-token' }, 'token must be a GitHub token (ghp_, gho_, ghu_, ghs_ or github_pat_)'],
    [{ provider: 'jira', url: 'http://insecure', email: 'a@b.c', token: 't' }, 'url must be an https URL with a host and no user-info'],
  ])('%j → 400 code 8', async (body, reason) => {
    const d = domain();
    const user = await seedUser(d);
    const error = await failure(d.create(as(userActor(user)), Credential, body));
    expect([error.code, error.reason]).toEqual([8, reason]);
  });

  test('only the owner sees a credential; platform admins see metadata; keys see none', async () => {
    const d = domain();
    const alice = await seedUser(d);
    const bob = await seedUser(d);
    const cred = await d.create(as(userActor(alice)), Credential, { provider: 'jira', url: 'https://x.atlassian.net', email: 'a@b.c', token: 'tok' });
    expect(cred['auth_type']).toBe('api_token');
    expect((await failure(d.get(as(userActor(bob)), Credential, cred.id))).code).toBe(7);
    expect((await d.list(as(userActor(bob)), Credential)).rows).toEqual([]);
    expect((await d.get(admin, Credential, cred.id)).id).toBe(cred.id);
    expect((await failure(d.update(admin, Credential, cred.id, { name: 'x' }))).code).toBe(11);
  });
});

describe('users', () => {
  test('self-service name and email; groups and other users need a platform admin', async () => {
    const d = domain();
    const alice = await seedUser(d);
    const bob = await seedUser(d);
    const me = as(userActor(alice));
    expect((await d.update(me, User, alice.id, { name: 'Alice', email: 'a@example.com' }))['name']).toBe('Alice');
    expect((await failure(d.update(me, User, alice.id, { groups: ['admins'] }))).code).toBe(11);
    expect((await failure(d.update(me, User, bob.id, { name: 'x' }))).code).toBe(11);
    expect((await failure(d.create(me, User, { username: 'eve', name: 'Eve' }))).code).toBe(11);
    expect((await d.update(admin, User, alice.id, { groups: ['a', 'b'] }))['groups']).toEqual(['a', 'b']);
    expect((await failure(d.update(admin, User, alice.id, { groups: ['a', 'a'] }))).reason).toBe('groups must not contain duplicates');
  });

  test('deleting a user purges their credentials and revokes the keys they created', async () => {
    const d = domain();
    const user = await seedUser(d);
    const p = await seedProject(d, userActor(user));
    const cred = await d.create(as(userActor(user)), Credential, { provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrstu' });
    const key = await d.create(as(userActor(user)), ProjectKey, { project_id: p.id, name: 'k' });
    await d.delete(admin, User, user.id);
    expect((await failure(d.get(admin, ProjectKey, key.id))).code).toBe(7);
    const { rows } = await db().pool.query(`SELECT deleted_at, token_enc FROM credentials WHERE id = $1`, [cred.id]);
    expect(rows[0].deleted_at).not.toBeNull();
    expect(rows[0].token_enc).toBeNull();
  });
});
