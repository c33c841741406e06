import type pg from 'pg';
import { hashKey, KEY_PREFIX } from '../domain/kinds/project-key.ts';
import type { Role } from '../kinds/rules.ts';
import type { KeyActor } from './actor.ts';
import { constantTimeEqual } from './constant-time.ts';

/**
 * Verifies project API keys (rest-contract §9.13): `apk_<27-char id>_<43-char secret>`. The id is
 * read from its fixed position, the live key loaded, and the SHA-256 hashes compared in constant
 * time. A key works while it is live, unexpired and its project is live.
 */

const KEY_FORMAT = /^apk_([0-9A-Za-z]{27})_[A-Za-z0-9_-]{43}$/;
/** `last_used_at` is written at most this often per key. */
const TOUCH_INTERVAL_MS = 60_000;

export const looksLikeProjectKey = (token: string) => token.startsWith(KEY_PREFIX);

export async function verifyProjectKey(pool: pg.Pool, token: string): Promise<KeyActor | undefined> {
  const match = KEY_FORMAT.exec(token);
  if (!match) return undefined;
  const { rows } = await pool.query<{
    id: string;
    project_id: string;
    role: Role;
    secret_hash: string;
    created_by_user_id: string | null;
    last_used_at: Date | null;
  }>(
    `SELECT k.id, k.project_id, k.role, k.secret_hash, k.created_by_user_id, k.last_used_at
       FROM project_keys k JOIN projects p ON p.id = k.project_id AND p.deleted_at IS NULL
      WHERE k.id = $1 AND k.deleted_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
    [match[1]],
  );
  const key = rows[0];
  // Compare even when no key was found, so timing does not tell which ids exist.
  const matches = constantTimeEqual(hashKey(token), key?.secret_hash ?? '0'.repeat(64));
  if (!matches || !key) return undefined;
  if (!key.last_used_at || Date.now() - key.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
    // Not a change clients watch: written directly, without a change event.
    await pool.query(`UPDATE project_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '60 seconds')`, [
      key.id,
    ]);
  }
  return { type: 'key', keyId: key.id, projectId: key.project_id, role: key.role, creatorId: key.created_by_user_id };
}
