import type { z } from 'zod';
import { run, sql, type Queryable } from '../db/sql.ts';
import { decidedAs, fieldsWithAccess, type Decisions, type InputField, type Kind, type StatusField } from '../kinds/define.ts';
import { Session, Workflow } from '../kinds/index.ts';
import { branch, gitUrl, repoPath, type Rule } from '../kinds/rules.ts';
import { SESSION_PHASES, type SessionRepo } from '../kinds/session.ts';
import type { RunnerClient } from '../runner/client.ts';
import type { WriteContext } from './behaviour.ts';
import { conflict, DomainError, invalid, malformed } from './errors.ts';
import { defaultValue, validateValue, type Values } from './input.ts';
import { repositoryPath } from './kinds/repository-ref.ts';
import { repositoryName } from './runner-paths.ts';
import { ksuid } from './ksuid.ts';
import { findProjectId } from './projects.ts';
import type { Domain, RequestContext } from './service.ts';
import type { Row } from './wire.ts';

/**
 * The session lifecycle and actions of rest-contract §10: start, stop, the status write-back,
 * clone, repositories and workflow selection. Each write runs in one transaction on the locked
 * session row (`Domain.withLocked`), so concurrent actions on one session serialize and none is
 * lost; calls to the session's runner never happen while that transaction is open.
 */

type Repo = z.infer<typeof SessionRepo>;

const STARTABLE: ReadonlySet<string> = new Set(['', 'Stopped', 'Failed', 'Completed']);
const STOPPABLE: ReadonlySet<string> = new Set(['Running', 'Creating', 'Pending']);

/**
 * The keys `PATCH /sessions/{id}/status` writes: the fields the declaration gives `status` access,
 * in declaration order (the order the contract lists them).
 */
export const STATUS_FIELDS: readonly StatusField<typeof Session>[] = fieldsWithAccess(Session, 'status');

/**
 * What a clone does with each field a POST accepts (rest-contract §10.4), checked by the compiler:
 * - `copied`: the source's value, when it has one;
 * - `given`: decided by the clone itself — the request's name and project, else the source's; the
 *   source as parent; the source's workflow when it is live in the target project;
 * - `dropped`: not carried over (the clone belongs to no agent and to no assignee yet).
 * Status and server-set fields are never copied: a clone is a new, never-started session.
 */
export const ON_CLONE = {
  name: 'given',
  prompt: 'copied',
  repo_url: 'copied',
  repos: 'copied',
  interactive: 'copied',
  timeout: 'copied',
  llm_model: 'copied',
  llm_temperature: 'copied',
  llm_max_tokens: 'copied',
  workflow_id: 'given',
  assigned_user_id: 'dropped',
  parent_session_id: 'given',
  bot_account_name: 'copied',
  resource_overrides: 'copied',
  environment_variables: 'copied',
  labels: 'copied',
  annotations: 'copied',
  project_id: 'given',
  agent_id: 'dropped',
} as const satisfies CloneDecisions;

export type CloneDecisions<K extends Kind = typeof Session> = Decisions<InputField<K>, 'copied' | 'given' | 'dropped'>;

const CLONED_FIELDS = decidedAs(ON_CLONE, 'copied');

/** Longest base for a generated workflow name, leaving room for `-<n>` within Line(255). */
const WORKFLOW_NAME_BASE_MAX = 240;

export class SessionActions {
  constructor(
    private readonly domain: Domain,
    private readonly runner: RunnerClient,
  ) {}

  /** `POST /sessions/{id}/start`: a never-started or finished session goes to Pending. */
  async start(ctx: RequestContext, id: string): Promise<Row> {
    return this.domain.withLocked(ctx, Session, id, 'edit', async (c, row) => {
      const phase = phaseOf(row);
      if (!STARTABLE.has(phase)) throw conflict(`cannot start session in phase "${phase}"; must be empty, Stopped, Failed, or Completed`);
      return (await c.update(Session, id, { phase: 'Pending', completion_time: null })) ?? row;
    });
  }

  /** `POST /sessions/{id}/stop`: a pending or running session goes to Stopping. */
  async stop(ctx: RequestContext, id: string): Promise<Row> {
    return this.domain.withLocked(ctx, Session, id, 'edit', async (c, row) => {
      const phase = phaseOf(row);
      if (!STOPPABLE.has(phase)) throw conflict(`cannot stop session in phase "${phase}"; must be Running, Creating, or Pending`);
      return (await c.update(Session, id, { phase: 'Stopping' })) ?? row;
    });
  }

  /** `PATCH /sessions/{id}/status`: the reconciler's write-back; no transition rules. */
  async updateStatus(ctx: RequestContext, id: string, body: Record<string, unknown>): Promise<Row> {
    const changes = parseStatus(body);
    return this.domain.withLocked(ctx, Session, id, 'admin', async (c, row) => (await c.update(Session, id, changes)) ?? row);
  }

  /**
   * `POST /sessions/{id}/clone`: a new, never-started session with the source's settings. The
   * source is read with the caller's view right; `Domain.create` then applies every rule of a POST
   * in the target project, including the caller's edit right there.
   */
  async clone(ctx: RequestContext, id: string, body: Record<string, unknown>): Promise<Row> {
    const request = parseClone(body);
    const source = await this.domain.get(ctx, Session, id);
    const projectRef = request.projectId ?? (source['project_id'] as string);
    const values: Record<string, unknown> = { project_id: projectRef, name: request.name ?? source['name'], parent_session_id: source.id };
    for (const field of CLONED_FIELDS) if (source[field] !== null && source[field] !== undefined) values[field] = source[field];
    const workflowId = source['workflow_id'];
    if (typeof workflowId === 'string' && (await liveWorkflowInProject(this.domain.pool, workflowId, projectRef))) values['workflow_id'] = workflowId;
    return this.domain.create(ctx, Session, values);
  }

  /**
   * `POST /sessions/{id}/repos`. A running session's runner clones the repository first, and only
   * when it succeeds is the entry stored. That call may take up to 120 s, so it happens between two
   * short transactions rather than inside one: the first authorizes and refuses early (409, 400),
   * the second re-reads `repos` under the row lock, re-checks and appends, so concurrent adds never
   * lose an entry. A session that starts running in between gets the repository through its CR spec;
   * if a concurrent add of the same name wins the re-check, this one is 409 although its runner
   * call succeeded — harmless, as the runner then holds the clone the session lists.
   */
  async addRepo(ctx: RequestContext, id: string, body: Record<string, unknown>): Promise<Row> {
    const repo = parseRepo(body);
    const name = repoNameOf(repo.url);
    if (name === undefined) throw invalid(`url '${repo.url}' does not name a repository`, 'url');
    // The name becomes a directory in the runner's workspace, and the runner does not check it.
    repositoryName(name, 'url');
    const session = await this.authorizedRead(ctx, id);
    withRepoAdded(session, repo, name);
    if (phaseOf(session) === 'Running') await this.runner.addRepo(session, { url: repo.url, branch: repo.branch, name });
    return this.domain.withLocked(ctx, Session, id, 'edit', async (c, row) => (await c.update(Session, id, { repos: withRepoAdded(row, repo, name) })) ?? row);
  }

  /** `DELETE /sessions/{id}/repos/{name}`: the runner first when running, as for addRepo. */
  async removeRepo(ctx: RequestContext, id: string, repoName: string): Promise<Row> {
    repositoryName(repoName);
    const session = await this.authorizedRead(ctx, id);
    withRepoRemoved(session, repoName);
    if (phaseOf(session) === 'Running') await this.runner.removeRepo(session, { name: repoName });
    return this.domain.withLocked(ctx, Session, id, 'edit', async (c, row) => (await c.update(Session, id, { repos: withRepoRemoved(row, repoName) })) ?? row);
  }

  /** `GET /sessions/{id}/repos/status`: the runner's live answer, else what the reconciler recorded. */
  async reposStatus(ctx: RequestContext, id: string): Promise<unknown> {
    const session = await this.domain.get(ctx, Session, id);
    if (phaseOf(session) === 'Running') {
      const live = await this.runner.reposStatus(session);
      if (live !== undefined) return live;
    }
    const reconciled = session['reconciled_repos'];
    return { repos: typeof reconciled === 'string' ? (JSON.parse(reconciled) as unknown) : [] };
  }

  /**
   * `POST /sessions/{id}/workflow`: by id, or by git coordinates (an existing workflow with the same
   * coordinates, else a new one, in the same transaction). A running session's runner is told after
   * the selection is committed; its failures are only logged.
   */
  async selectWorkflow(ctx: RequestContext, id: string, body: Record<string, unknown>): Promise<Row> {
    const choice = parseWorkflowChoice(body);
    const { session, workflow } = await this.domain.withLocked(ctx, Session, id, 'edit', async (c, row) => {
      const projectId = row['project_id'] as string;
      const chosen = 'workflowId' in choice ? await workflowById(c.tx, projectId, choice.workflowId) : await workflowAt(c, projectId, choice);
      return { session: (await c.update(Session, id, { workflow_id: chosen.id })) ?? row, workflow: chosen };
    });
    // A workflow without git coordinates has nothing for the runner to load.
    if (phaseOf(session) === 'Running' && workflow.repo_url !== null) {
      await this.runner.selectWorkflow(session, { gitUrl: workflow.repo_url, branch: workflow.branch ?? 'main', path: workflow.path ?? '' });
    }
    return session;
  }

  /** `POST /sessions/{id}/model` (head-contract H2): switch the session's model; `llm_model`'s rules apply. */
  async setModel(ctx: RequestContext, id: string, body: Record<string, unknown>, headers?: Readonly<Record<string, string>>): Promise<Row> {
    refuseUnknownKeys(body, ['model']);
    const model = optionalString(body, 'model');
    if (model === undefined || model === '') throw invalid('model is required', 'model');
    const llmModel = validateValue(Session.field['llm_model']!, model);
    const { previous, session } = await this.domain.withLocked(ctx, Session, id, 'edit', async (c, row) => ({
      previous: row['llm_model'] ?? null,
      session: (await c.update(Session, id, { llm_model: llmModel })) ?? row,
    }));
    if (phaseOf(session) !== 'Running') return session;
    // runtime.md §d row 10: a running session's runner switches too; if it cannot, the previous
    // model comes back (unless another switch replaced this one meanwhile).
    try {
      await this.runner.setModel(session, llmModel as string, headers);
    } catch (error) {
      await this.domain.withLocked(ctx, Session, id, 'edit', async (c, row) =>
        row['llm_model'] === llmModel ? ((await c.update(Session, id, { llm_model: previous })) ?? row) : row,
      );
      throw error;
    }
    return session;
  }

  /** The session, after checking the caller may act on it (edit); no lock is kept. */
  private async authorizedRead(ctx: RequestContext, id: string): Promise<Row> {
    return this.domain.withLocked(ctx, Session, id, 'edit', async (_c, row) => row);
  }
}

/** The session's phase, `""` when it has none (never started). */
function phaseOf(row: Row): string {
  const phase = row['phase'];
  return typeof phase === 'string' ? phase : '';
}

// --- bodies -----------------------------------------------------------------------------------

function refuseUnknownKeys(body: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(body)) if (!known.includes(key)) throw malformed(`unknown field "${key}"`, key);
}

/** A string-valued body key: undefined when absent or null, 400 code 17 when not a string. */
function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw malformed(`${key} must be a string`, key);
  return value;
}

/** Applies a shared validator (rest-contract §8): 400 code 8 with its message. */
function check(rule: Rule, name: string, value: string): void {
  const result = rule(name).safeParse(value);
  if (!result.success) throw invalid(result.error.issues[0]!.message, name);
}

function parseStatus(body: Record<string, unknown>): Values {
  const present = STATUS_FIELDS.filter((name) => body[name] !== undefined);
  if (present.length === 0) throw invalid(`status patch body must set at least one field: ${STATUS_FIELDS.join(', ')}`);
  const changes: Values = {};
  for (const name of present) {
    const field = Session.field[name]!;
    const value = body[name];
    if (value === null) {
      changes[name] = defaultValue(field);
      continue;
    }
    if (name === 'phase' && typeof value === 'string' && !(SESSION_PHASES as readonly string[]).includes(value)) {
      throw invalid(`invalid phase "${value}"; must be one of: ${SESSION_PHASES.join(', ')}`, name);
    }
    changes[name] = validateValue(field, value);
  }
  return changes;
}

function parseClone(body: Record<string, unknown>): { projectId?: string; name?: string } {
  refuseUnknownKeys(body, ['project_id', 'name']);
  const projectId = optionalString(body, 'project_id');
  const name = optionalString(body, 'name');
  if (name !== undefined) validateValue(Session.field['name']!, name);
  return { ...(projectId !== undefined ? { projectId } : {}), ...(name !== undefined ? { name } : {}) };
}

/** The body of `POST /sessions/{id}/repos` as the entry to store, defaults applied. */
function parseRepo(body: Record<string, unknown>): Required<Repo> {
  refuseUnknownKeys(body, ['url', 'branch', 'auto_push']);
  const url = optionalString(body, 'url');
  if (url === undefined) throw malformed('no value given for required property url', 'url');
  check(gitUrl(), 'url', url);
  const repoBranch = optionalString(body, 'branch') ?? 'main';
  check(branch(), 'branch', repoBranch);
  const autoPush = body['auto_push'] ?? false;
  if (typeof autoPush !== 'boolean') throw malformed('auto_push must be a boolean', 'auto_push');
  return { url, branch: repoBranch, auto_push: autoPush };
}

type WorkflowChoice = { workflowId: string } | Coordinates;

interface Coordinates {
  gitUrl: string;
  branch: string | null;
  path: string | null;
}

function parseWorkflowChoice(body: Record<string, unknown>): WorkflowChoice {
  refuseUnknownKeys(body, ['workflow_id', 'git_url', 'branch', 'path']);
  const workflowId = optionalString(body, 'workflow_id');
  const url = optionalString(body, 'git_url');
  const coordinates = { branch: optionalString(body, 'branch'), path: optionalString(body, 'path') };
  if ((workflowId === undefined) === (url === undefined)) throw invalid('exactly one of workflow_id or git_url is required');
  if (workflowId !== undefined) {
    if (coordinates.branch !== undefined || coordinates.path !== undefined) throw invalid('branch and path are only allowed with git_url');
    return { workflowId };
  }
  check(gitUrl(), 'git_url', url!);
  if (coordinates.branch !== undefined) check(branch(), 'branch', coordinates.branch);
  if (coordinates.path !== undefined) check(repoPath(), 'path', coordinates.path);
  return { gitUrl: url!, branch: coordinates.branch ?? null, path: coordinates.path ?? null };
}

// --- repos ------------------------------------------------------------------------------------

/** The repository name of a `repos` entry: the URL's last path segment without `.git` (§10.5). */
function repoNameOf(url: string): string | undefined {
  return repositoryPath(url).repoName;
}

function reposOf(row: Row): Repo[] {
  const text = row['repos'];
  return typeof text === 'string' ? (JSON.parse(text) as Repo[]) : [];
}

/** The session's `repos` text with the entry appended; 409 when its name is taken, 400 past 50. */
function withRepoAdded(row: Row, repo: Required<Repo>, name: string): string {
  const repos = reposOf(row);
  if (repos.some((r) => repoNameOf(r.url) === name)) throw conflict(`repository '${name}' already in session`);
  return validateValue(Session.field['repos']!, JSON.stringify([...repos, repo])) as string;
}

/** The session's `repos` text without the named entries; 404 when there is none. */
function withRepoRemoved(row: Row, name: string): string {
  const repos = reposOf(row);
  const kept = repos.filter((r) => repoNameOf(r.url) !== name);
  if (kept.length === repos.length) throw new DomainError(7, `repository '${name}' not found in session`);
  return JSON.stringify(kept);
}

// --- workflows --------------------------------------------------------------------------------

interface WorkflowRow {
  id: string;
  name: string;
  repo_url: string | null;
  branch: string | null;
  path: string | null;
}

async function liveWorkflowInProject(db: Queryable, workflowId: string, projectRef: string): Promise<boolean> {
  const projectId = await findProjectId(db, projectRef);
  if (projectId === undefined) return false;
  const rows = await run(db, sql`SELECT 1 FROM workflows WHERE id = ${workflowId} AND project_id = ${projectId} AND deleted_at IS NULL`);
  return rows.length > 0;
}

/** A live workflow of the project, share-locked so it cannot be deleted before the selection commits. */
async function workflowById(db: Queryable, projectId: string, workflowId: string): Promise<WorkflowRow> {
  const [workflow] = await run<WorkflowRow>(
    db,
    sql`SELECT id, name, repo_url, branch, path FROM workflows
        WHERE id = ${workflowId} AND project_id = ${projectId} AND deleted_at IS NULL FOR SHARE`,
  );
  if (!workflow) throw invalid(`workflow_id '${workflowId}' not found`, 'workflow_id');
  return workflow;
}

/** The project's workflow at these coordinates (absent branch or path match only absent), created when missing. */
async function workflowAt(c: WriteContext, projectId: string, at: Coordinates): Promise<WorkflowRow> {
  // Serializes ad-hoc selections per project, so two of them never create the same workflow or name.
  await run(c.tx, sql`SELECT pg_advisory_xact_lock(hashtextextended(${`workflow-select:${projectId}`}, 0))`);
  const [existing] = await run<WorkflowRow>(
    c.tx,
    sql`SELECT id, name, repo_url, branch, path FROM workflows
        WHERE project_id = ${projectId} AND deleted_at IS NULL AND repo_url = ${at.gitUrl}
          AND branch IS NOT DISTINCT FROM ${at.branch} AND path IS NOT DISTINCT FROM ${at.path}
        ORDER BY created_at, id LIMIT 1 FOR SHARE`,
  );
  if (existing) return existing;
  const name = await unusedWorkflowName(c.tx, projectId, workflowNameFor(at));
  const row = await c.insert(Workflow, ksuid(), { project_id: projectId, name, repo_url: at.gitUrl, branch: at.branch, path: at.path });
  return { id: row.id, name, repo_url: at.gitUrl, branch: at.branch, path: at.path };
}

/** The last segment of the path, else the repository name (§10.6). */
function workflowNameFor(at: Coordinates): string {
  const base = at.path?.split('/').filter(Boolean).at(-1) ?? repoNameOf(at.gitUrl) ?? 'workflow';
  return Array.from(base).slice(0, WORKFLOW_NAME_BASE_MAX).join('');
}

/** `base`, or `base-2`, `base-3`, … : the first name no live workflow of the project has. */
async function unusedWorkflowName(db: Queryable, projectId: string, base: string): Promise<string> {
  const rows = await run<{ name: string }>(
    db,
    sql`SELECT name FROM workflows WHERE project_id = ${projectId} AND deleted_at IS NULL AND (name = ${base} OR starts_with(name, ${`${base}-`}))`,
  );
  const taken = new Set(rows.map((r) => r.name));
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}
