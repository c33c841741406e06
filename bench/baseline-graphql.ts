import type pg from 'pg';

/**
 * The baseline's two GraphQL reads (the `graphql-get` and `graphql-latest` scenarios): the least
 * code that sends Postgres what the real GraphQL server sends for them and answers with the same
 * JSON. No GraphQL engine: the baseline knows the two documents by their text, takes the
 * variables it needs, runs the statements and builds `{"data": …}` by hand.
 *
 * The statements are not ours: on the real server they come from Prisma (through
 * `@prisma/adapter-pg` on the server's pg pool), planned by Pothos' Prisma plugin from the
 * selection. They are copied here, byte for byte, with the parameters Prisma binds (numbers as
 * text, as the adapter sends them), and bench/graphql-parity.ts fails the run when the real server
 * stops sending exactly these. Rows are read like the REST baseline reads them (the server pool's
 * type parsers), in pg's array row mode, as the adapter reads them.
 *
 * What the real server does per request that the baseline does not: parse, validate (both
 * cached by document text in yoga), compute the operation's cost, check authorization on every
 * object, resolve field by field, and answer through a Fetch Response. The caller's read access
 * needs no statement for a platform admin (every development-mode caller), and the caller's user
 * row is read once per 30 s (src/auth/provisioning.ts): neither is part of the statements per request.
 */

export const GRAPHQL_PATH = '/graphql';

/** The two documents, as a client sends them (printed by graphql-js). */
export const GRAPHQL_DOCUMENTS = {
  session: `query BenchSession($id: ID!) {
  session(id: $id) {
    id
    databaseId
    name
    prompt
    repoUrl
    interactive
    timeout
    llmModel
    llmTemperature
    llmMaxTokens
    projectId
    workflowId
    assignedUserId
    parentSessionId
    createdByUserId
    botAccountName
    phase
    startTime
    completionTime
    sdkSessionId
    sdkRestartCount
    kubeCrName
    kubeCrUid
    kubeNamespace
    createdAt
    updatedAt
  }
}`,
  latest: `query BenchLatestSessions($first: Int!, $orderBy: [SessionOrderBy!]) {
  sessions(first: $first, orderBy: $orderBy) {
    nodes {
      id
      databaseId
      name
      phase
      createdAt
      project {
        id
        name
      }
    }
  }
}`,
} as const;

/** The variables of `latest`: the 20 latest sessions. */
export const LATEST_VARIABLES = { first: 20, orderBy: [{ field: 'CREATED_AT', direction: 'DESC' }] } as const;

// Prisma reads every scalar column of the model, whatever the selection, in the model's order.
const SESSION_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'deleted_at',
  'name',
  'prompt',
  'repo_url',
  'repos',
  'interactive',
  'timeout',
  'llm_model',
  'llm_temperature',
  'llm_max_tokens',
  'workflow_id',
  'assigned_user_id',
  'parent_session_id',
  'bot_account_name',
  'resource_overrides',
  'environment_variables',
  'labels',
  'annotations',
  'project_id',
  'agent_id',
  'scheduled_session_id',
  'created_by_user_id',
  'phase',
  'start_time',
  'completion_time',
  'sdk_session_id',
  'sdk_restart_count',
  'conditions',
  'reconciled_repos',
  'reconciled_workflow',
  'kube_cr_name',
  'kube_cr_uid',
  'kube_namespace',
] as const;
const PROJECT_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'deleted_at',
  'name',
  'display_name',
  'description',
  'prompt',
  'labels',
  'annotations',
  'status',
  'former_id',
  'namespace_seen_at',
] as const;

const selectList = (table: string, columns: readonly string[]) => columns.map((c) => `"public"."${table}"."${c}"`).join(', ');
const S = Object.fromEntries(SESSION_COLUMNS.map((c, i) => [c, i])) as Record<(typeof SESSION_COLUMNS)[number], number>;
const P = Object.fromEntries(PROJECT_COLUMNS.map((c, i) => [c, i])) as Record<(typeof PROJECT_COLUMNS)[number], number>;

/** The statement texts, exactly as Prisma 7's query compiler renders them. */
export const GRAPHQL_SQL = {
  session:
    `SELECT ${selectList('sessions', SESSION_COLUMNS)} FROM "public"."sessions" ` +
    'WHERE ("public"."sessions"."deleted_at" IS NULL AND "public"."sessions"."id" = $1) LIMIT $2 OFFSET $3',
  latest:
    `SELECT ${selectList('sessions', SESSION_COLUMNS)} FROM "public"."sessions" WHERE "public"."sessions"."deleted_at" IS NULL ` +
    'ORDER BY "public"."sessions"."created_at" DESC, "public"."sessions"."id" ASC LIMIT $1 OFFSET $2',
  /** The projects of `count` sessions: one placeholder per session, duplicates included, as Prisma binds them. */
  projects: (count: number) =>
    `SELECT ${selectList('projects', PROJECT_COLUMNS)} FROM "public"."projects" ` +
    `WHERE "public"."projects"."id" IN (${Array.from({ length: count }, (_, i) => `$${i + 1}`).join(',')}) OFFSET $${count + 1}`,
} as const;

type Row = unknown[];

// Relay global ids, as @pothos/plugin-relay encodes them.
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const reference = (type: string, id: unknown) => (id === null ? null : globalId(type, id as string));
const iso = (value: unknown) => (value === null ? null : (value as Date).toISOString());
// SessionPhase values are single words: `Completed` ↔ `COMPLETED`.
const phase = (value: unknown) => (value === null ? null : (value as string).toUpperCase());

/** The local id in a Session global id, or undefined for anything else (the real server answers null then). */
function sessionIdOf(id: unknown): string | undefined {
  if (typeof id !== 'string') return undefined;
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  return decoded.startsWith('Session:') ? decoded.slice('Session:'.length) : undefined;
}

async function query(pool: pg.Pool, text: string, values: unknown[]): Promise<Row[]> {
  return (await pool.query<Row>({ text, values, rowMode: 'array' })).rows;
}

/** `{ session(id) { …scalar fields } }`. */
export async function graphqlSession(pool: pg.Pool, id: unknown): Promise<{ data: { session: Record<string, unknown> | null } }> {
  const local = sessionIdOf(id);
  const row = local === undefined ? undefined : (await query(pool, GRAPHQL_SQL.session, [local, '1', '0']))[0];
  if (!row) return { data: { session: null } };
  return {
    data: {
      session: {
        id: globalId('Session', row[S.id] as string),
        databaseId: row[S.id],
        name: row[S.name],
        prompt: row[S.prompt],
        repoUrl: row[S.repo_url],
        interactive: row[S.interactive],
        timeout: row[S.timeout],
        llmModel: row[S.llm_model],
        llmTemperature: row[S.llm_temperature],
        llmMaxTokens: row[S.llm_max_tokens],
        projectId: globalId('Project', row[S.project_id] as string),
        workflowId: reference('Workflow', row[S.workflow_id]),
        assignedUserId: reference('User', row[S.assigned_user_id]),
        parentSessionId: reference('Session', row[S.parent_session_id]),
        createdByUserId: reference('User', row[S.created_by_user_id]),
        botAccountName: row[S.bot_account_name],
        phase: phase(row[S.phase]),
        startTime: iso(row[S.start_time]),
        completionTime: iso(row[S.completion_time]),
        sdkSessionId: row[S.sdk_session_id],
        sdkRestartCount: row[S.sdk_restart_count],
        kubeCrName: row[S.kube_cr_name],
        kubeCrUid: row[S.kube_cr_uid],
        kubeNamespace: row[S.kube_namespace],
        createdAt: iso(row[S.created_at]),
        updatedAt: iso(row[S.updated_at]),
      },
    },
  };
}

/**
 * `{ sessions(first, orderBy: createdAt desc) { nodes { …, project { id name } } } }`: one more
 * row than asked for (the connection's hasNextPage, which Pothos always reads), then the projects
 * of all of them.
 */
export async function graphqlLatestSessions(pool: pg.Pool, first: number): Promise<{ data: { sessions: { nodes: Record<string, unknown>[] } } }> {
  const rows = await query(pool, GRAPHQL_SQL.latest, [String(first + 1), '0']);
  const projectIds = rows.map((r) => r[S.project_id] as string);
  const projects = new Map<string, Row>();
  if (rows.length > 0) for (const p of await query(pool, GRAPHQL_SQL.projects(rows.length), [...projectIds, '0'])) projects.set(p[P.id] as string, p);
  const nodes = rows.slice(0, first).map((row) => {
    const project = projects.get(row[S.project_id] as string)!;
    return {
      id: globalId('Session', row[S.id] as string),
      databaseId: row[S.id],
      name: row[S.name],
      phase: phase(row[S.phase]),
      createdAt: iso(row[S.created_at]),
      project: { id: globalId('Project', project[P.id] as string), name: project[P.name] },
    };
  });
  return { data: { sessions: { nodes } } };
}

/**
 * Answers a GraphQL request body; undefined when it is not one of the two documents. Only the
 * variables the statements need are read (`id`, `first`): the order is the document's as the
 * scenario sends it.
 */
export async function graphqlRequest(pool: pg.Pool, body: Record<string, unknown>): Promise<unknown> {
  const variables = (body['variables'] ?? {}) as Record<string, unknown>;
  if (body['query'] === GRAPHQL_DOCUMENTS.session) return graphqlSession(pool, variables['id']);
  if (body['query'] === GRAPHQL_DOCUMENTS.latest) {
    const first = variables['first'];
    if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > 100) return undefined;
    return graphqlLatestSessions(pool, first);
  }
  return undefined;
}
