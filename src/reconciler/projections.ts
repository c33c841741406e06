import { createHash } from 'node:crypto';
import type { Decisions, DecidedAs, FieldName, RecordOf, StatusField } from '../kinds/define.ts';
import type { Permission, Project, Session } from '../kinds/index.ts';

/**
 * What Kubernetes should hold for each row (runtime.md §b.2–§b.3), as pure functions: no I/O, so
 * every mapping rule is testable on its own. The snake_case → camelCase mapping happens here and
 * nowhere else.
 *
 * The rows are typed from the Kind declarations (`RecordOf`). For each Kind it projects, the
 * reconciler states what it does with every declared field (`*_FIELDS` below, checked by the
 * compiler): a field added to the declaration does not compile until it is decided here, and the
 * columns rows.ts reads are derived from the same decisions.
 */

/**
 * What the reconciler does with a field of a row it projects:
 * - `read`: read with the row; it shapes the Kubernetes object or the row's lifecycle;
 * - `status`: read to compare with the object's status before writing that back (sessions);
 * - `joined`: a reference, resolved through a join to what the object embeds (workflow, creator, parent);
 * - `ignored`: the Kubernetes object carries nothing of it.
 */
export type ReconcilerUse = 'read' | 'status' | 'joined' | 'ignored';

/** The fields a decision map says the reconciler reads with the row. */
export type ReadFields<M> = DecidedAs<M, 'read'>;

export const MANAGED = 'ambient-code.io/managed';
export const MANAGED_BY = 'ambient-code.io/managed-by';
export const PROJECT_ID = 'ambient-code.io/project-id';
export const SESSION_ID = 'ambient-code.io/session-id';
export const PERMISSION_ID = 'ambient-code.io/permission-id';
export const USER_LABEL_KEYS = 'ambient-code.io/user-label-keys';
export const USER_ANNOTATION_KEYS = 'ambient-code.io/user-annotation-keys';
export const DESIRED_PHASE = 'ambient-code.io/desired-phase';
export const START_REQUESTED_AT = 'ambient-code.io/start-requested-at';
export const STOP_REQUESTED_AT = 'ambient-code.io/stop-requested-at';
export const PARENT_SESSION = 'vteam.ambient-code/parent-session-id';
export const PERMISSION_APP = 'ambient-permission';

export const CR_GROUP = 'vteam.ambient-code';
export const CR_VERSION = 'v1alpha1';
export const CR_API_VERSION = `${CR_GROUP}/${CR_VERSION}`;
export const CR_KIND = 'AgenticSession';
export const CR_PLURAL = 'agenticsessions';

export type StringMap = Record<string, string>;

const parseMap = (json: string | null): StringMap => (json ? (JSON.parse(json) as StringMap) : {});

export interface Metadata {
  name: string;
  namespace?: string;
  labels: StringMap;
  annotations: StringMap;
}

/** Labels and annotations the user set on the row, plus ours (which win), remembering the user's keys. */
function withUserKeys(user: { labels: StringMap; annotations: StringMap }, ours: { labels: StringMap; annotations: StringMap }) {
  return {
    labels: { ...user.labels, ...ours.labels },
    annotations: {
      ...user.annotations,
      ...ours.annotations,
      [USER_LABEL_KEYS]: Object.keys(user.labels).sort().join(','),
      [USER_ANNOTATION_KEYS]: Object.keys(user.annotations).sort().join(','),
    },
  };
}

// --- Project → Namespace ----------------------------------------------------------------------

export const PROJECT_FIELDS = {
  name: 'read',
  display_name: 'read',
  description: 'read',
  // Standing instructions for agents and sessions; nothing in Kubernetes shows them.
  prompt: 'ignored',
  labels: 'read',
  annotations: 'read',
  // The namespace's own phase is Kubernetes' to report; a deleted project's row is enough to remove it.
  status: 'ignored',
} as const satisfies Decisions<FieldName<typeof Project>, ReconcilerUse>;

export type ProjectRow = Pick<RecordOf<typeof Project>, 'id' | 'deleted_at' | ReadFields<typeof PROJECT_FIELDS>> & {
  /** The KSUID id the project had before ids became names (head-contract H1). */
  former_id?: string | null;
  namespace_seen_at?: Date | null;
};

export function desiredNamespace(project: ProjectRow): Metadata {
  const ours = {
    labels: { [MANAGED]: 'true', 'app.kubernetes.io/managed-by': 'ambient-code', [PROJECT_ID]: project.id },
    annotations: {
      'openshift.io/display-name': project.display_name ?? project.name,
      ...(project.description ? { 'openshift.io/description': project.description } : {}),
    },
  };
  return { name: project.name, ...withUserKeys({ labels: parseMap(project.labels), annotations: parseMap(project.annotations) }, ours) };
}

/** Keys we manage on a namespace besides the user's: removed when no longer desired. */
const NAMESPACE_OWNED_ANNOTATIONS = ['openshift.io/description'];

/** Whether a namespace's project-id label names this project: its id, or the KSUID it had before ids became names. */
export function labelledFor(observed: { labels?: StringMap }, project: Pick<ProjectRow, 'id' | 'former_id'>): boolean {
  const label = observed.labels?.[PROJECT_ID];
  return label !== undefined && (label === project.id || (!!project.former_id && label === project.former_id));
}

/**
 * Whether an existing namespace may be taken over for a project: it must be ours (managed) and
 * either carry this project's id (or former id) or no id at all (made by the legacy backend).
 */
export function canAdopt(observed: { labels?: StringMap }, project: Pick<ProjectRow, 'id' | 'former_id'>): boolean {
  const labels = observed.labels ?? {};
  return labels[MANAGED] === 'true' && (labels[PROJECT_ID] === undefined || labelledFor(observed, project));
}

// --- Permission → RoleBinding ------------------------------------------------------------------

export const PERMISSION_FIELDS = {
  project_id: 'read',
  subject_type: 'read',
  subject_name: 'read',
  role: 'read',
} as const satisfies Decisions<FieldName<typeof Permission>, ReconcilerUse>;

export type PermissionRow = Pick<RecordOf<typeof Permission>, 'id' | 'deleted_at' | ReadFields<typeof PERMISSION_FIELDS>> & {
  /** The joined project's name: the RoleBinding's namespace. */
  project_name: string;
};

export interface RoleBindingSpec {
  metadata: Metadata;
  roleRef: { apiGroup: string; kind: 'ClusterRole'; name: string };
  subjects: { kind: 'User' | 'Group'; apiGroup: string; name: string }[];
}

/** `sanitize` of runtime.md §b.2: lower case, runs of other characters → `-`, trimmed, ≤ 63. */
export function sanitize(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return cleaned === '' ? 'group' : cleaned;
}

export function roleBindingName(permission: Pick<PermissionRow, 'role' | 'subject_name' | 'subject_type'>, disambiguate = false): string {
  const base = `ambient-permission-${permission.role}-${sanitize(permission.subject_name)}-${permission.subject_type}`;
  return disambiguate ? `${base}-${createHash('sha256').update(permission.subject_name).digest('hex').slice(0, 8)}` : base;
}

export interface SubjectPrefixes {
  user: string;
  group: string;
}

export function desiredRoleBinding(permission: PermissionRow, name: string, prefixes: SubjectPrefixes): RoleBindingSpec {
  const kind = permission.subject_type === 'user' ? 'User' : 'Group';
  return {
    metadata: {
      name,
      namespace: permission.project_name,
      labels: { app: PERMISSION_APP, [MANAGED]: 'true', [PERMISSION_ID]: permission.id },
      annotations: { 'ambient-code.io/subject-kind': kind, 'ambient-code.io/subject-name': permission.subject_name, 'ambient-code.io/role': permission.role },
    },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `ambient-project-${permission.role}` },
    subjects: [{ kind, apiGroup: 'rbac.authorization.k8s.io', name: `${kind === 'User' ? prefixes.user : prefixes.group}${permission.subject_name}` }],
  };
}

// --- Session → AgenticSession ------------------------------------------------------------------

export const SESSION_FIELDS = {
  name: 'read',
  prompt: 'read',
  repo_url: 'read',
  repos: 'read',
  interactive: 'read',
  timeout: 'read',
  llm_model: 'read',
  llm_temperature: 'read',
  llm_max_tokens: 'read',
  workflow_id: 'joined',
  // Assignment is bookkeeping of the API; the runner works for the creator.
  assigned_user_id: 'ignored',
  parent_session_id: 'joined',
  bot_account_name: 'read',
  resource_overrides: 'read',
  environment_variables: 'read',
  labels: 'read',
  annotations: 'read',
  project_id: 'read',
  // The agent composed the prompt when it started the session; the CR does not name it.
  agent_id: 'ignored',
  // Which schedule started the session is the API's bookkeeping (…/runs); the CR does not name it.
  scheduled_session_id: 'ignored',
  created_by_user_id: 'joined',
  phase: 'read',
  start_time: 'status',
  completion_time: 'status',
  sdk_session_id: 'status',
  sdk_restart_count: 'status',
  conditions: 'status',
  reconciled_repos: 'status',
  reconciled_workflow: 'status',
  kube_cr_name: 'read',
  kube_cr_uid: 'read',
  kube_namespace: 'read',
} as const satisfies Decisions<FieldName<typeof Session>, ReconcilerUse>;

/** A session as its AgenticSession's spec and metadata are computed from it. */
export type SessionRow = Pick<RecordOf<typeof Session>, 'id' | 'deleted_at' | ReadFields<typeof SESSION_FIELDS>> & {
  project_name: string;
  /** The joined workflow (read even when soft-deleted). */
  workflow_repo_url: string | null;
  workflow_branch: string | null;
  workflow_path: string | null;
  /** The joined creator. */
  creator_username: string | null;
  creator_name: string | null;
  creator_groups: string[] | null;
  /** The joined parent session's CR name. */
  parent_cr_name: string | null;
};

/** The status a session holds, compared with its CR's before writing the CR's back. */
export type SessionStatusColumns = Pick<RecordOf<typeof Session>, DecidedAs<typeof SESSION_FIELDS, 'status'>>;

/**
 * The CR's spec. CRD defaults are written explicitly (a repo's branch `main`, autoPush false, …):
 * the API server adds them anyway, and writing them ourselves keeps desired and observed equal, so
 * a resync writes nothing.
 */
export function desiredSessionSpec(session: SessionRow): Record<string, unknown> {
  const repos = session.repos ? (JSON.parse(session.repos) as { url: string; branch?: string; auto_push?: boolean }[]) : [];
  const specRepos = repos.length > 0 ? repos : session.repo_url ? [{ url: session.repo_url }] : [];
  const env = { ...parseMap(session.environment_variables), ...(session.parent_cr_name ? { PARENT_SESSION_ID: session.parent_cr_name } : {}) };
  const overrides = session.resource_overrides ? (JSON.parse(session.resource_overrides) as Record<string, string>) : undefined;
  const spec: Record<string, unknown> = {
    displayName: session.name,
    initialPrompt: session.prompt ?? undefined,
    project: session.project_name,
    repos:
      specRepos.length > 0
        ? specRepos.map((r) => ({ url: r.url, branch: r.branch ?? 'main', autoPush: 'auto_push' in r ? Boolean(r.auto_push) : false }))
        : undefined,
    interactive: session.interactive,
    timeout: session.timeout,
    llmSettings: { model: session.llm_model, temperature: session.llm_temperature, maxTokens: session.llm_max_tokens },
    activeWorkflow: session.workflow_repo_url
      ? { gitUrl: session.workflow_repo_url, branch: session.workflow_branch ?? 'main', ...(session.workflow_path ? { path: session.workflow_path } : {}) }
      : undefined,
    userContext: session.creator_username
      ? { userId: session.creator_username, displayName: session.creator_name ?? session.creator_username, groups: session.creator_groups ?? [] }
      : undefined,
    environmentVariables: Object.keys(env).length > 0 ? env : undefined,
    botAccount: session.bot_account_name ? { name: session.bot_account_name } : undefined,
    resourceOverrides: overrides
      ? dropUndefined({
          cpu: overrides['cpu'],
          memory: overrides['memory'],
          storageClass: overrides['storage_class'],
          priorityClass: overrides['priority_class'],
        })
      : undefined,
  };
  return dropUndefined(spec);
}

/** The spec keys the reconciler owns; any of them absent from the desired spec is removed. */
export const OWNED_SPEC_KEYS = [
  'displayName',
  'initialPrompt',
  'project',
  'repos',
  'interactive',
  'timeout',
  'llmSettings',
  'activeWorkflow',
  'userContext',
  'environmentVariables',
  'botAccount',
  'resourceOverrides',
] as const;

export function desiredSessionMetadata(session: SessionRow): Metadata {
  const ours: { labels: StringMap; annotations: StringMap } = {
    labels: { [SESSION_ID]: session.id, [PROJECT_ID]: session.project_id, [MANAGED]: 'true', [MANAGED_BY]: 'ambient-api-server' },
    annotations: session.parent_cr_name ? { [PARENT_SESSION]: session.parent_cr_name } : {},
  };
  return {
    name: session.kube_cr_name,
    namespace: session.kube_namespace ?? session.project_name,
    ...withUserKeys({ labels: parseMap(session.labels), annotations: parseMap(session.annotations) }, ours),
  };
}

const SESSION_OWNED_ANNOTATIONS = [PARENT_SESSION];

// --- Diffs as JSON merge patches ---------------------------------------------------------------

/**
 * The merge patch that brings observed labels/annotations to the desired ones, touching only keys
 * we own: ours, the user's current keys, and the user's previous keys (recorded in the
 * user-*-keys annotations) which are removed when the user dropped them. Keys set by others
 * (the operator's annotations) are left alone. Undefined when nothing differs.
 */
export function metadataPatch(
  desired: Metadata,
  observed: { labels?: StringMap; annotations?: StringMap },
  ownedAnnotations: readonly string[] = [],
): { labels?: Record<string, string | null>; annotations?: Record<string, string | null> } | undefined {
  const patch: { labels?: Record<string, string | null>; annotations?: Record<string, string | null> } = {};
  const previous = (key: string) => (observed.annotations?.[key] ?? '').split(',').filter(Boolean);
  const diff = (want: StringMap, have: StringMap, removable: string[]) => {
    const out: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(want)) if (have[key] !== value) out[key] = value;
    for (const key of removable) if (!(key in want) && key in have) out[key] = null;
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const labels = diff(desired.labels, observed.labels ?? {}, previous(USER_LABEL_KEYS));
  const annotations = diff(desired.annotations, observed.annotations ?? {}, [...previous(USER_ANNOTATION_KEYS), ...ownedAnnotations]);
  if (labels) patch.labels = labels;
  if (annotations) patch.annotations = annotations;
  return labels || annotations ? patch : undefined;
}

export const namespaceOwnedAnnotations = NAMESPACE_OWNED_ANNOTATIONS;
export const sessionOwnedAnnotations = SESSION_OWNED_ANNOTATIONS;

/** The merge patch for the owned spec keys; undefined when equal. */
export function specPatch(desired: Record<string, unknown>, observed: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const patch: Record<string, unknown> = {};
  for (const key of OWNED_SPEC_KEYS) {
    const want = desired[key];
    const have = observed?.[key];
    if (!deepEqual(want, have)) patch[key] = want ?? null;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b || (a === undefined && b === undefined);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function dropUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

// --- AgenticSession status → session status (runtime.md §b.3.5) ---------------------------------

export interface CrStatus {
  phase?: string;
  startTime?: string;
  completionTime?: string;
  sdkSessionId?: string;
  sdkRestartCount?: number;
  conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[];
  reconciledRepos?: {
    url: string;
    branch?: string;
    name?: string;
    status?: string;
    clonedAt?: string;
    branches?: string[];
    currentActiveBranch?: string;
    defaultBranch?: string;
  }[];
  reconciledWorkflow?: { gitUrl: string; branch?: string; path?: string; status?: string; appliedAt?: string };
}

/**
 * Where the write-back takes each status field of a session from (runtime.md §b.3.5), checked by
 * the compiler for every status field the declaration has:
 * - `cr`: copied from the AgenticSession (null when it has none);
 * - `guarded`: copied unless a start or stop request the operator has not taken is pending;
 * - `kept`: never from the CR — `kube_namespace` says where the CR lives, so the CR cannot move it.
 */
export const STATUS_SOURCES = {
  phase: 'guarded',
  start_time: 'cr',
  completion_time: 'cr',
  sdk_session_id: 'cr',
  sdk_restart_count: 'cr',
  conditions: 'cr',
  reconciled_repos: 'cr',
  reconciled_workflow: 'cr',
  kube_cr_uid: 'cr',
  kube_namespace: 'kept',
} as const satisfies Decisions<StatusField<typeof Session>, 'cr' | 'guarded' | 'kept'>;

/** The body of a status write-back: every `cr` field, and the `guarded` ones when not guarded. */
export type StatusWriteBack = { [N in DecidedAs<typeof STATUS_SOURCES, 'cr'>]: string | number | null } & {
  [N in DecidedAs<typeof STATUS_SOURCES, 'guarded'>]?: string;
};

const compact = (v: object | undefined) => (v === undefined ? null : JSON.stringify(dropUndefined(v as Record<string, unknown>)));

/**
 * The status write-back body for a CR (keys of `PATCH /sessions/{id}/status`). The phase is not
 * copied while the CR still carries a start request the operator has not taken, or a stop request
 * while it is still running: a stale status must not undo a fresh start or stop.
 */
export function statusFromCr(cr: { metadata?: { uid?: string; annotations?: StringMap }; status?: CrStatus }): StatusWriteBack {
  const status = cr.status ?? {};
  const annotations = cr.metadata?.annotations ?? {};
  const guarded = START_REQUESTED_AT in annotations || (STOP_REQUESTED_AT in annotations && ['Pending', 'Creating', 'Running'].includes(status.phase ?? ''));
  const body: StatusWriteBack = {
    start_time: status.startTime ?? null,
    completion_time: status.completionTime ?? null,
    sdk_session_id: status.sdkSessionId ?? null,
    sdk_restart_count: status.sdkRestartCount ?? null,
    conditions: status.conditions
      ? JSON.stringify(
          status.conditions.map((c) =>
            dropUndefined({ type: c.type, status: c.status, reason: c.reason, message: c.message, last_transition_time: c.lastTransitionTime }),
          ),
        )
      : null,
    reconciled_repos: status.reconciledRepos
      ? JSON.stringify(
          status.reconciledRepos.map((r) =>
            dropUndefined({
              url: r.url,
              branch: r.branch,
              name: r.name,
              status: r.status,
              cloned_at: r.clonedAt,
              branches: r.branches,
              current_active_branch: r.currentActiveBranch,
              default_branch: r.defaultBranch,
            }),
          ),
        )
      : null,
    reconciled_workflow: status.reconciledWorkflow
      ? compact({
          git_url: status.reconciledWorkflow.gitUrl,
          branch: status.reconciledWorkflow.branch,
          path: status.reconciledWorkflow.path,
          status: status.reconciledWorkflow.status,
          applied_at: status.reconciledWorkflow.appliedAt,
        })
      : null,
    kube_cr_uid: cr.metadata?.uid ?? null,
  };
  if (!guarded && status.phase) body.phase = status.phase;
  return body;
}
