import { afterAll, beforeAll } from 'vitest';
import { SecretBox } from '../../src/auth/secret-box.ts';
import { Domain } from '../../src/domain/service.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

/** A Domain over a fresh database for the test file, with an encryption key configured. */
export function useDomain(): { db: () => TestDatabase; domain: () => Domain } {
  let db: TestDatabase;
  let domain: Domain;
  beforeAll(async () => {
    db = await createTestDatabase();
    domain = new Domain(db.pool, { secrets: new SecretBox([TEST_KEY]) });
  });
  afterAll(() => db.drop());
  return { db: () => db, domain: () => domain };
}

export const TEST_KEY = Buffer.alloc(32, 7);

/** The DomainError a promise rejects with (fails the test when it resolves or throws anything else). */
export async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but the operation succeeded');
}

/** Change events of one object, oldest first. */
export async function eventsOf(db: TestDatabase, objectId: string): Promise<{ seq: number; type: string; object: Record<string, unknown> }[]> {
  const { rows } = await db.pool.query<{ seq: number; type: string; object: string }>(
    'SELECT seq, type, object FROM change_events WHERE object_id = $1 ORDER BY seq',
    [objectId],
  );
  return rows.map((r) => ({ seq: r.seq, type: r.type, object: JSON.parse(r.object) as Record<string, unknown> }));
}
