import { allOf, fieldEquals, type Condition } from '../conditions/condition.ts';
import { run, sql, type Queryable } from '../db/sql.ts';
import { decidedAs, type FieldName, type InputField, type Kind } from '../kinds/define.ts';
import { Agent, InboxMessage, Project, Session } from '../kinds/index.ts';
import { text } from '../kinds/rules.ts';
import type { WriteContext } from './behaviour.ts';
import { invalid, malformed, notFound } from './errors.ts';
import { ACTIVE_PHASES } from './kinds/agent.ts';
import { findProjectId } from './projects.ts';
import type { Domain, ListOptions, RequestContext } from './service.ts';
import type { Row } from './wire.ts';

/**
 * Agents' own operations (head-contract H3): start, its dry run (ignition), the agent's sessions
 * and the project home. Every agent is addressed through its project (`/projects/{id}/agents/…`);
 * an agent of another project is not found there.
 *
 * Start runs in one transaction on the locked agent row: a second start of the same agent waits
 * for the first, then finds the session it created and answers it (200) instead of making another.
 */

/** Longest agent name kept in a generated session name (`<name>-<unix seconds>` within Line(255)). */
const SESSION_NAME_BASE_MAX = 240;
/** Characters of inbox text a start prompt takes at most; the rest stays unread for the next start. */
const INBOX_BUDGET = 256 * 1024;
/** Peers listed in a start prompt at most. */
const MAX_PEERS = 100;

/**
 * What an agent's start does with each field of the session it creates (head-contract H3), checked
 * by the compiler:
 * - `inherited`: the agent's value of the same-named field, when it has one (only fields an Agent declares);
 * - `set`: made by the start — the project, the agent, a generated name, the start prompt;
 * - `default`: left to the session's declared default.
 */
export const ON_START = {
  name: 'set',
  prompt: 'set',
  repo_url: 'inherited',
  repos: 'default',
  interactive: 'default',
  timeout: 'default',
  llm_model: 'inherited',
  llm_temperature: 'inherited',
  llm_max_tokens: 'inherited',
  workflow_id: 'inherited',
  assigned_user_id: 'default',
  parent_session_id: 'default',
  bot_account_name: 'inherited',
  resource_overrides: 'inherited',
  environment_variables: 'inherited',
  labels: 'inherited',
  annotations: 'inherited',
  project_id: 'set',
  agent_id: 'set',
} as const satisfies StartDecisions;

/** `inherited` is only a choice for a session field the Agent also declares. */
export type StartDecisions<S extends Kind = typeof Session, A extends Kind = typeof Agent> = {
  readonly [N in InputField<S>]: N extends FieldName<A> ? 'inherited' | 'set' | 'default' : 'set' | 'default';
};

const INHERITED = decidedAs(ON_START, 'inherited');

interface InboxRow {
  id: string;
  body: string;
  from_name: string | null;
  from_agent_id: string | null;
  from_agent_name: string | null;
}

interface Peer {
  name: string;
  description: string | null;
}

export interface StartResult {
  /** True when this start made the session (201), false when it answered the running one (200). */
  created: boolean;
  session: Row;
  startPrompt: string;
}

export interface HomeAgent {
  agent_id: string;
  agent_name: string;
  session_phase: string;
  inbox_unread_count: number;
  summary: string;
}

/** The optional `{prompt}` of a start: this run's task. */
export function parseStartBody(body: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(body)) if (key !== 'prompt') throw malformed(`unknown field "${key}"`, key);
  const prompt = body['prompt'];
  if (prompt === undefined || prompt === null || prompt === '') return undefined;
  if (typeof prompt !== 'string') throw malformed('prompt must be a string', 'prompt');
  const checked = text(64 * 1024)('prompt').safeParse(prompt);
  if (!checked.success) throw invalid(checked.error.issues[0]!.message, 'prompt');
  return prompt;
}

/**
 * The start prompt, in upstream's order: who the agent is and where, its standing instructions,
 * its peers, the unread inbox (oldest first), then this run's task.
 */
export function composeStartPrompt(agent: Row, projectName: string, peers: readonly Peer[], unread: readonly InboxRow[], task: string | undefined): string {
  const parts = [`# Agent Start: ${String(agent['name'])}\n\nYou are **${String(agent['name'])}**, working in project **${projectName}**.\n\n`];
  const prompt = agent['prompt'];
  if (typeof prompt === 'string' && prompt !== '') parts.push(`## Standing Instructions\n\n${prompt}\n\n`);
  if (peers.length > 0) {
    parts.push('## Peer Agents in this Project\n\n| Agent | Description |\n| ----- | ----------- |\n');
    for (const p of peers) parts.push(`| ${p.name} | ${(p.description ?? '').replace(/\s+/g, ' ').replaceAll('|', '\\|') || '—'} |\n`);
    parts.push('\n');
  }
  if (unread.length > 0) {
    parts.push('## Inbox Messages (unread at start)\n\n');
    for (const m of unread) parts.push(`**From ${m.from_name || m.from_agent_name || m.from_agent_id || 'system'}:** ${m.body}\n\n`);
  }
  if (task !== undefined) parts.push(`## Task for this Run\n\n${task}\n\n`);
  return parts.join('');
}

/** The oldest unread messages that fit the budget (at least one), locked when `lock`. */
async function unreadInbox(db: Queryable, agentId: string, lock: boolean): Promise<{ used: InboxRow[]; total: number }> {
  const rows = await run<InboxRow & { total: string }>(
    db,
    sql`SELECT m.id, m.body, m.from_name, m.from_agent_id, a.name AS from_agent_name, count(*) OVER () AS total
          FROM inbox_messages m LEFT JOIN agents a ON a.id = m.from_agent_id
         WHERE m.agent_id = ${agentId} AND m.read = false AND m.deleted_at IS NULL
         ORDER BY m.created_at, m.id
         LIMIT 1000`,
  );
  const used: InboxRow[] = [];
  let size = 0;
  for (const row of rows) {
    size += row.body.length + 64;
    if (used.length > 0 && size > INBOX_BUDGET) break;
    used.push(row);
  }
  if (lock && used.length > 0) {
    await run(db, sql`SELECT id FROM inbox_messages WHERE id = ANY(${used.map((m) => m.id)}::text[]) AND read = false FOR UPDATE`);
  }
  return { used, total: Number(rows[0]?.total ?? 0) };
}

async function peersOf(db: Queryable, agent: Row): Promise<Peer[]> {
  return run<Peer>(
    db,
    sql`SELECT name, description FROM agents
         WHERE project_id = ${agent['project_id']} AND id <> ${agent.id} AND deleted_at IS NULL
         ORDER BY name LIMIT ${MAX_PEERS}`,
  );
}

async function projectName(db: Queryable, projectId: string): Promise<string> {
  const [row] = await run<{ name: string }>(db, sql`SELECT name FROM projects WHERE id = ${projectId}`);
  return row!.name;
}

export class Agents {
  constructor(private readonly domain: Domain) {}

  /**
   * The project's id by id or name; 404 when there is no such live project or the caller may not
   * read it, so a project-scoped path tells a stranger nothing about which projects exist.
   */
  async projectId(ctx: RequestContext, ref: string): Promise<string> {
    const id = await findProjectId(this.domain.pool, ref);
    if (id === undefined) throw notFound('Project', ref);
    await this.domain.get(ctx, Project, id);
    return id;
  }

  /** An agent of the project, readable by the caller; 404 when it belongs elsewhere. */
  async get(ctx: RequestContext, projectRef: string, agentId: string): Promise<Row> {
    const projectId = await this.projectId(ctx, projectRef);
    const agent = await this.domain.get(ctx, Agent, agentId);
    if (agent['project_id'] !== projectId) throw notFound('Agent', agentId);
    return agent;
  }

  /** `POST …/agents/{agent_id}/start`. */
  async start(ctx: RequestContext, projectRef: string, agentId: string, body: Record<string, unknown>): Promise<StartResult> {
    const task = parseStartBody(body);
    const projectId = await this.projectId(ctx, projectRef);
    return this.domain.withLocked(ctx, Agent, agentId, 'edit', async (c, agent) => {
      if (agent['project_id'] !== projectId) throw notFound('Agent', agentId);
      return this.startLocked(c, ctx, agent, task);
    });
  }

  /**
   * The start itself, on an agent row locked in `c`'s transaction (a start, or a scheduled run
   * that started in the same transaction that claimed it). `session` holds values of the new
   * session that the caller decides (a scheduled run's name, runner settings), over the inherited ones.
   */
  async startLocked(c: WriteContext, ctx: RequestContext, agent: Row, task: string | undefined, session: Record<string, unknown> = {}): Promise<StartResult> {
    // A fresh statement after the lock: it sees the session of a start that held the lock before us.
    const [active] = await run<Row>(
      c.tx,
      sql`SELECT s.id FROM sessions s WHERE s.agent_id = ${agent.id} AND s.deleted_at IS NULL
            AND s.phase = ANY(${[...ACTIVE_PHASES]}::text[]) ORDER BY s.created_at DESC, s.id DESC LIMIT 1`,
    );
    if (active) {
      const current = await this.domain.get(ctx, Session, active.id);
      return { created: false, session: current, startPrompt: typeof current['prompt'] === 'string' ? current['prompt'] : '' };
    }
    const { used } = await unreadInbox(c.tx, agent.id, true);
    const startPrompt = composeStartPrompt(agent, await projectName(c.tx, agent['project_id'] as string), await peersOf(c.tx, agent), used, task);
    const created = await this.createSession(c, ctx, agent, startPrompt, session);
    for (const message of used) await c.update(InboxMessage, message.id, { read: true });
    return { created: true, session: created, startPrompt };
  }

  /** `GET …/agents/{agent_id}/ignition`: the start prompt a start would use now; nothing is written. */
  async ignition(ctx: RequestContext, projectRef: string, agentId: string): Promise<{ startPrompt: string; inboxUnread: number }> {
    const agent = await this.get(ctx, projectRef, agentId);
    const db = this.domain.pool;
    const { used, total } = await unreadInbox(db, agentId, false);
    const startPrompt = composeStartPrompt(agent, await projectName(db, agent['project_id'] as string), await peersOf(db, agent), used, undefined);
    return { startPrompt, inboxUnread: total };
  }

  /** `GET …/agents/{agent_id}/sessions`: its sessions, newest first unless the caller orders otherwise. */
  async sessions(ctx: RequestContext, projectRef: string, agentId: string, options: Omit<ListOptions, 'where'> & { where?: Condition | undefined }) {
    await this.get(ctx, projectRef, agentId);
    return this.domain.list(ctx, Session, {
      ...options,
      where: allOf(options.where, fieldEquals('agent_id', agentId)),
      orderBy: options.orderBy?.length ? options.orderBy : [{ field: 'created_at', direction: 'desc' }],
    });
  }

  /** `GET /projects/{id}/home`: each agent the caller sees, its newest session's phase, unread inbox and latest reply. */
  async home(ctx: RequestContext, projectRef: string): Promise<{ project_id: string; agents: HomeAgent[] }> {
    const projectId = await this.projectId(ctx, projectRef);
    const visible: Row[] = [];
    for (let page = 1; ; page++) {
      const result = await this.domain.list(ctx, Agent, { projectRef: projectId, page, size: 500, orderBy: [{ field: 'name', direction: 'asc' }] });
      visible.push(...result.rows);
      if (result.rows.length < 500) break;
    }
    if (visible.length === 0) {
      await this.domain.get(ctx, Project, projectId); // 404 when the caller cannot see the project
      return { project_id: projectId, agents: [] };
    }
    const rows = await run<HomeAgent & { inbox_unread_count: string }>(
      this.domain.pool,
      sql`SELECT a.id AS agent_id, a.name AS agent_name,
                 coalesce(latest.phase, '') AS session_phase,
                 (SELECT count(*) FROM inbox_messages m WHERE m.agent_id = a.id AND m.read = false AND m.deleted_at IS NULL) AS inbox_unread_count,
                 coalesce(left((SELECT sm.payload FROM session_messages sm WHERE sm.session_id = latest.id AND sm.event_type = 'assistant'
                                 ORDER BY sm.seq DESC LIMIT 1), 500), '') AS summary
            FROM agents a
            LEFT JOIN LATERAL (SELECT s.id, s.phase FROM sessions s WHERE s.agent_id = a.id AND s.deleted_at IS NULL
                                ORDER BY s.created_at DESC, s.id DESC LIMIT 1) latest ON true
           WHERE a.id = ANY(${visible.map((a) => a.id)}::text[])
           ORDER BY a.name`,
    );
    return { project_id: projectId, agents: rows.map((r) => ({ ...r, inbox_unread_count: Number(r.inbox_unread_count) })) };
  }

  /** The new session for a start, with every rule of a POST, started at once (phase Pending). */
  private async createSession(c: WriteContext, ctx: RequestContext, agent: Row, startPrompt: string, given: Record<string, unknown>): Promise<Row> {
    const body: Record<string, unknown> = {
      project_id: agent['project_id'],
      agent_id: agent.id,
      name: `${String(agent['name']).slice(0, SESSION_NAME_BASE_MAX)}-${Math.floor(Date.now() / 1000)}`,
      prompt: startPrompt,
    };
    for (const field of INHERITED) if (agent[field] !== null && agent[field] !== undefined) body[field] = agent[field];
    const session = await this.domain.createIn(c.tx, ctx, Session, { ...body, ...given });
    return (await c.update(Session, session.id, { phase: 'Pending' })) ?? session;
  }
}
