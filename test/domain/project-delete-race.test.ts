import { expect, test } from 'vitest';
import { Agent, KINDS, Project, Session } from '../../src/kinds/index.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { as, platformAdmin, seedProject } from '../support/fixtures.ts';
import { useDomain } from '../support/domain.ts';

/**
 * Deleting a project races creating its children (issue 16, item 4): a create that had resolved
 * the project before the delete committed must not add a live child after it. The delete and
 * every create scoped to the project serialize on the project row.
 */

const { db, domain } = useDomain();
const admin = as(platformAdmin);

test('a project DELETE against concurrent child creates leaves no live child in the deleted project (many trials)', async () => {
  const d = domain();
  const TRIALS = 30;
  let created = 0;
  let refused = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    const project = await seedProject(d);
    const creates = Array.from({ length: 6 }, (_, i) =>
      (i % 2 === 0
        ? d.create(admin, Session, { project_id: project.id, name: `s${trial}-${i}` })
        : d.create(admin, Agent, { project_id: project.id, name: `a${trial}-${i}` })
      ).then(
        () => void created++,
        (error: unknown) => {
          // After the delete, the project is gone: 400 code 8 "project '…' not found".
          if (!(error instanceof DomainError)) throw error;
          refused++;
        },
      ),
    );
    await Promise.all([d.delete(admin, Project, project.id), ...creates]);
  }
  const tables = KINDS.filter((k) => k.scope === 'project').map((k) => k.table);
  let live = 0;
  for (const table of tables) {
    const { rows } = await db().pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table}" c JOIN projects p ON p.id = c.project_id WHERE p.deleted_at IS NOT NULL AND c.deleted_at IS NULL`,
    );
    live += rows[0]!.n;
  }
  expect(created + refused).toBe(TRIALS * 6);
  expect(refused).toBeGreaterThan(0); // the race window was hit
  expect(live).toBe(0);
}, 120_000);
