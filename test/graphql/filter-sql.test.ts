import { encodeGlobalID } from '@pothos/plugin-relay';
import { coerceInputValue, type GraphQLInputType } from 'graphql';
import { beforeAll, expect, test } from 'vitest';
import { SessionsDocument, type SessionWhere } from '../../src/generated/graphql/graphql.ts';
import { toWire, type WireObject } from '../../src/domain/wire.ts';
import { Session } from '../../src/kinds/index.ts';
import { matchingIds } from '../../src/live/filter.ts';
import { schema } from '../../src/schema/index.ts';
import { graphOf } from '../../src/schema/kind-types.ts';
import { as, platformAdmin, seedProject } from '../support/fixtures.ts';
import { useGraphqlServer } from './support.ts';

/**
 * A subscription's `where` is evaluated in SQL on change-event objects; the `sessions` connection
 * evaluates the same input through Prisma. For every filter here both select the same sessions —
 * operators, case-insensitivity, nulls, empty lists and the AND/OR/NOT edge cases included.
 */

const server = useGraphqlServer();
const admin = as(platformAdmin);
let objects: WireObject[];
let projectId: string;
let otherSessionId: string;

beforeAll(async () => {
  const { domain, db } = server();
  const project = await seedProject(domain);
  const other = await seedProject(domain);
  projectId = project.id;
  const specs = [
    { name: 'Alpha', prompt: 'x', timeout: 100, llm_temperature: 0.2, interactive: false },
    { name: 'alpha', prompt: null, timeout: 300 },
    { name: 'ALPHABET', prompt: 'y', timeout: 1000, llm_temperature: 1.5 },
    { name: 'beta', prompt: 'X' },
    { name: '100% done', prompt: 'a_b' },
    { name: 'a_c', prompt: 'a%b' },
    { name: 'Ωmega', prompt: 'ω' },
  ];
  for (const spec of specs) await domain.create(admin, Session, { project_id: project.id, ...spec });
  otherSessionId = (await domain.create(admin, Session, { project_id: other.id, name: 'elsewhere' })).id;
  await db.pool.query(`UPDATE sessions SET phase = 'Running', start_time = '2026-01-02T03:04:05.678Z' WHERE name IN ('Alpha', 'beta')`);
  await db.pool.query(`UPDATE sessions SET phase = 'Pending' WHERE name = 'alpha'`);
  const { rows } = await domain.snapshot(admin, Session, {}, 0);
  objects = rows.map((row) => toWire(Session, row));
});

const filters = (): SessionWhere[] => [
  {},
  { name: { eq: 'Alpha' } },
  { name: { eq: 'alpha', caseInsensitive: true } },
  { name: { eq: 'a_c' } },
  { name: { eq: 'a_c', caseInsensitive: true } },
  { name: { eq: 'alpha%', caseInsensitive: true } },
  { name: { ne: 'Alpha' } },
  { name: { ne: 'ALPHA', caseInsensitive: true } },
  { prompt: { ne: 'x' } },
  { prompt: { eq: 'x', caseInsensitive: true } },
  { name: { in: ['Alpha', 'beta'] } },
  { name: { in: ['ALPHA', 'BETA'], caseInsensitive: true } },
  { name: { notIn: ['Alpha'] } },
  { prompt: { notIn: ['x'] } },
  { prompt: { notIn: ['X'], caseInsensitive: true } },
  { prompt: { in: [] } },
  { prompt: { notIn: [] } },
  { name: { contains: 'pha' } },
  { name: { contains: 'PHA', caseInsensitive: true } },
  { name: { contains: '%' } },
  { name: { contains: '_' } },
  { prompt: { contains: '%' } },
  { name: { startsWith: 'al' } },
  { name: { startsWith: 'AL', caseInsensitive: true } },
  { name: { endsWith: 'c' } },
  { name: { endsWith: 'MEGA', caseInsensitive: true } },
  { prompt: { isNull: true } },
  { prompt: { isNull: false } },
  { timeout: { gt: 300 } },
  { timeout: { gte: 300, lt: 1000 } },
  { llmTemperature: { lte: 0.5 } },
  { interactive: { eq: false } },
  { interactive: { ne: true } },
  { phase: { in: ['RUNNING', 'PENDING'] } },
  { phase: { ne: 'RUNNING' } },
  { phase: { isNull: true } },
  { startTime: { lt: '2026-06-01T00:00:00Z' } },
  { startTime: { eq: '2026-01-02T04:04:05.678+01:00' } },
  { createdAt: { gte: '2000-01-01T00:00:00Z' } },
  { id: { in: [encodeGlobalID(Session.name, otherSessionId)] } },
  { id: { notIn: [encodeGlobalID(Session.name, otherSessionId)] } },
  { projectId: { eq: encodeGlobalID('Project', projectId) } },
  { NOT: { prompt: { eq: 'x' } } },
  { NOT: { name: { contains: 'a' }, prompt: { isNull: false } } },
  { NOT: {} },
  { OR: [] },
  { AND: [] },
  { OR: [{}] },
  { OR: [{}, { name: { eq: 'beta' } }] },
  { AND: [{ name: { contains: 'a' } }, { OR: [] }] },
  { NOT: { AND: [{ name: { eq: 'Alpha' } }, { OR: [] }] } },
  { NOT: { OR: [{ prompt: { isNull: true } }, { timeout: { gt: 300 } }] } },
  { OR: [{ name: { startsWith: 'A' } }, { AND: [{ prompt: { eq: 'X' } }, { NOT: { phase: { isNull: true } } }] }] },
];

const whereType = schema.getType('SessionWhere') as GraphQLInputType;

test.each(filters().map((where) => [JSON.stringify(where), where] as const))(
  '%s selects the same sessions in SQL as the connection does',
  async (_name, where) => {
    const connection = await server().data(SessionsDocument, { first: 100, where });
    const listed = new Set(connection.sessions.edges.map((edge) => edge.node.databaseId));
    // The subscription receives `where` coerced by GraphQL (enum values, DateTimes) as resolvers do.
    const sql = graphOf(Session).inputs.toSql(coerceInputValue(where, whereType) as Record<string, unknown>)!;
    const matched = await matchingIds(server().domain.pool, Session, sql, objects);
    expect([...matched].sort()).toEqual([...listed].sort());
  },
);

test('the filters tell sessions apart (the comparison is not vacuous)', async () => {
  const counts = new Set<number>();
  for (const where of filters()) counts.add((await server().data(SessionsDocument, { first: 100, where })).sessions.totalCount);
  expect(counts.size).toBeGreaterThan(6);
});
