/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Conditions on Agent fields; all given conditions must hold. */
export type AgentWhere = {
  /** All of these hold. */
  AND?: Array<AgentWhere> | null | undefined;
  /** This does not hold. */
  NOT?: AgentWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<AgentWhere> | null | undefined;
  botAccountName?: StringFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  description?: StringFilter | null | undefined;
  displayName?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  llmMaxTokens?: IntFilter | null | undefined;
  llmModel?: StringFilter | null | undefined;
  llmTemperature?: FloatFilter | null | undefined;
  name?: StringFilter | null | undefined;
  ownerUserId?: IdFilter | null | undefined;
  parentAgentId?: IdFilter | null | undefined;
  projectId?: IdFilter | null | undefined;
  prompt?: StringFilter | null | undefined;
  repoUrl?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  workflowId?: IdFilter | null | undefined;
};

/** Conditions on one field; all given conditions must hold. */
export type BooleanFilter = {
  /** Equal to. */
  eq?: boolean | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: boolean | null | undefined;
};

/** What a change did to an object, as seen by the stream. */
export type ChangeType =
  /** Created, or entered the stream’s filter. */
  | 'ADDED'
  /** Deleted, or left the stream’s filter. */
  | 'DELETED'
  /** Changed, and still in the stream’s filter. */
  | 'MODIFIED';

/** Where the clone goes: the project (default: the source’s) and its name (default: the source’s). */
export type CloneSessionInput = {
  /** Display name. */
  name?: string | null | undefined;
  /** Global id of the Project. */
  projectId?: string | number | null | undefined;
};

/** A new Agent. */
export type CreateAgentInput = {
  /** JSON object of annotations, also given to the agent’s sessions. */
  annotations?: Array<KeyValueInput> | null | undefined;
  /** Bot account for git operations. */
  botAccountName?: string | null | undefined;
  /** Free text. */
  description?: string | null | undefined;
  /** Human-readable name. */
  displayName?: string | null | undefined;
  /** JSON object of environment variables for the runner. */
  environmentVariables?: Array<KeyValueInput> | null | undefined;
  /** JSON object of labels, also given to the agent’s sessions. */
  labels?: Array<KeyValueInput> | null | undefined;
  /** Maximum output tokens. */
  llmMaxTokens?: number | null | undefined;
  /** Model name; an empty string counts as absent. */
  llmModel?: string | null | undefined;
  /** Sampling temperature, 0 to 2. */
  llmTemperature?: number | null | undefined;
  /** Name, unique in the project. */
  name: string;
  /** Global id of the Agent (in the same project). */
  parentAgentId?: string | number | null | undefined;
  /** Global id of the Project. */
  projectId: string | number;
  /** Standing instructions, part of every start prompt. */
  prompt?: string | null | undefined;
  /** Git repository. */
  repoUrl?: string | null | undefined;
  /** JSON object {cpu?, memory?, storage_class?, priority_class?}. */
  resourceOverrides?: ResourceOverridesInput | null | undefined;
  /** Global id of the Workflow (in the same project). */
  workflowId?: string | number | null | undefined;
};

/** A new Credential. */
export type CreateCredentialInput = {
  /** JSON object of annotations. */
  annotations?: Array<KeyValueInput> | null | undefined;
  /** Free text. */
  description?: string | null | undefined;
  /** Account email; required for jira. */
  email?: string | null | undefined;
  /** GitHub App installation (github only). */
  installationId?: number | null | undefined;
  /** JSON object of labels. */
  labels?: Array<KeyValueInput> | null | undefined;
  /** Name; defaults to the provider. */
  name?: string | null | undefined;
  /** github, gitlab, google, jira, vertex (a service-account JSON key) or kubeconfig; one per user. */
  provider: CredentialProvider;
  /** The secret; never returned here (GET …/token releases it to callers allowed to read it). */
  token?: string | null | undefined;
  /** Provider URL; defaults for github and gitlab, required for jira. */
  url?: string | null | undefined;
  /** Provider login. */
  username?: string | null | undefined;
};

/** A new InboxMessage. */
export type CreateInboxMessageInput = {
  /** Global id of the Agent (in the same project). */
  agentId: string | number;
  /** The message. */
  body: string;
  /** Global id of the Agent (in the same project). */
  fromAgentId?: string | number | null | undefined;
  /** Who sent it, as shown in the start prompt. */
  fromName?: string | null | undefined;
  /** Global id of the Project. */
  projectId: string | number;
  /** Read; a start marks the messages it used read. */
  read?: boolean | null | undefined;
};

/** A new Permission. */
export type CreatePermissionInput = {
  /** Global id of the Project. */
  projectId: string | number;
  /** admin, edit or view. */
  role: Role;
  /** A username, or a group name. */
  subjectName: string;
  /** user or group (accepted in any case, stored lower case). */
  subjectType: PermissionSubjectType;
};

/** A new Project. */
export type CreateProjectInput = {
  /** JSON object of annotations projected onto the namespace. */
  annotations?: Array<KeyValueInput> | null | undefined;
  /** Free text. */
  description?: string | null | undefined;
  /** Human-readable name. */
  displayName?: string | null | undefined;
  /** JSON object of labels projected onto the namespace. */
  labels?: Array<KeyValueInput> | null | undefined;
  /** DNS-1123 label; the namespace name. Immutable. */
  name: string;
  /** Standing instructions for every agent and session of the project (head-contract H1). */
  prompt?: string | null | undefined;
};

/** A new ProjectKey. */
export type CreateProjectKeyInput = {
  /** Free text. */
  description?: string | null | undefined;
  /** Expiry, in the future; absent: never expires. */
  expiresAt?: string | null | undefined;
  /** Name. */
  name: string;
  /** Global id of the Project. */
  projectId: string | number;
  /** Role of the key; at most the creator’s own role. */
  role?: Role | null | undefined;
};

/** A new ProjectSettings. */
export type CreateProjectSettingsInput = {
  /** JSON array of {group_name, role}: a view over the project’s group Permissions. Writing it makes them equal to the array. */
  groupAccess?: Array<GroupAccessInput> | null | undefined;
  /** Global id of the Project. */
  projectId: string | number;
  /** JSON array (at most 100) of {url, branch?, provider?}. */
  repositories?: Array<DefaultRepositoryInput> | null | undefined;
};

/** A new RepositoryRef. */
export type CreateRepositoryRefInput = {
  /** Branch; absent means the repository’s default branch. */
  branch?: string | null | undefined;
  /** Name, unique in the project; defaults to repo_name. */
  name?: string | null | undefined;
  /** Owner path (GitLab subgroups keep their slashes); derived from the URL when absent. */
  owner?: string | null | undefined;
  /** Global id of the Project. */
  projectId: string | number;
  /** github or gitlab; derived from the host when absent. */
  provider?: Provider | null | undefined;
  /** Repository name; derived from the URL when absent. */
  repoName?: string | null | undefined;
  /** Git URL. */
  url: string;
};

/** A new Session. */
export type CreateSessionInput = {
  /** Global id of the Agent (in the same project). */
  agentId?: string | number | null | undefined;
  /** JSON object of Kubernetes annotations for the AgenticSession. */
  annotations?: Array<KeyValueInput> | null | undefined;
  /** Global id of the User. */
  assignedUserId?: string | number | null | undefined;
  /** Bot account for git operations. */
  botAccountName?: string | null | undefined;
  /** JSON object of environment variables for the runner. */
  environmentVariables?: Array<KeyValueInput> | null | undefined;
  /** Chat (true) or batch (false) session. */
  interactive?: boolean | null | undefined;
  /** JSON object of Kubernetes labels for the AgenticSession. */
  labels?: Array<KeyValueInput> | null | undefined;
  /** Maximum output tokens. */
  llmMaxTokens?: number | null | undefined;
  /** Model name; an empty string counts as absent. */
  llmModel?: string | null | undefined;
  /** Sampling temperature, 0 to 2. */
  llmTemperature?: number | null | undefined;
  /** Display name. */
  name: string;
  /** Global id of the Session. */
  parentSessionId?: string | number | null | undefined;
  /** Global id of the Project. */
  projectId: string | number;
  /** Initial prompt. */
  prompt?: string | null | undefined;
  /** Deprecated: use repos. Used only when repos is absent or empty. */
  repoUrl?: string | null | undefined;
  /** JSON array (at most 50) of {url, branch?, auto_push?}. */
  repos?: Array<SessionRepoInput> | null | undefined;
  /** JSON object {cpu?, memory?, storage_class?, priority_class?}. */
  resourceOverrides?: ResourceOverridesInput | null | undefined;
  /** Session timeout in seconds. */
  timeout?: number | null | undefined;
  /** Global id of the Workflow (in the same project). */
  workflowId?: string | number | null | undefined;
};

/** A new Skill. */
export type CreateSkillInput = {
  /** Name, unique in the project. */
  name: string;
  /** Global id of the Project. */
  projectId: string | number;
  /** Prompt text. */
  prompt?: string | null | undefined;
  /** Git repository. */
  repoUrl?: string | null | undefined;
};

/** A new Task. */
export type CreateTaskInput = {
  /** Name, unique in the project. */
  name: string;
  /** Global id of the Project. */
  projectId: string | number;
  /** Prompt text. */
  prompt?: string | null | undefined;
  /** Git repository. */
  repoUrl?: string | null | undefined;
};

/** A new User. */
export type CreateUserInput = {
  /** Email address. */
  email?: string | null | undefined;
  /** Groups for authorization, added to the groups of the caller’s token. */
  groups?: Array<string> | null | undefined;
  /** Display name. */
  name: string;
  /** Login identity; the subject name of user Permissions. */
  username: string;
};

/** A new Workflow. */
export type CreateWorkflowInput = {
  /** Global id of the Agent (in the same project). */
  agentId?: string | number | null | undefined;
  /** Branch; absent means main. */
  branch?: string | null | undefined;
  /** Name, unique in the project. */
  name: string;
  /** Directory or file inside the repository. */
  path?: string | null | undefined;
  /** Global id of the Project. */
  projectId: string | number;
  /** Prompt text. */
  prompt?: string | null | undefined;
  /** Git repository of the workflow. */
  repoUrl?: string | null | undefined;
};

/** A new WorkflowSkill. */
export type CreateWorkflowSkillInput = {
  /** Order within the workflow (ties by id). */
  position?: number | null | undefined;
  /** Global id of the Skill (in the same project). */
  skillId: string | number;
  /** Global id of the Workflow. */
  workflowId: string | number;
};

/** A new WorkflowTask. */
export type CreateWorkflowTaskInput = {
  /** Order within the workflow (ties by id). */
  position?: number | null | undefined;
  /** Global id of the Task (in the same project). */
  taskId: string | number;
  /** Global id of the Workflow. */
  workflowId: string | number;
};

export type CredentialAuthType =
  | 'API_TOKEN'
  | 'APP'
  | 'KUBECONFIG'
  | 'OAUTH'
  | 'PAT'
  | 'SERVICE_ACCOUNT';

/** Conditions on one field; all given conditions must hold. */
export type CredentialAuthTypeFilter = {
  /** Equal to. */
  eq?: CredentialAuthType | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<CredentialAuthType> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: CredentialAuthType | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<CredentialAuthType> | null | undefined;
};

export type CredentialProvider =
  | 'GITHUB'
  | 'GITLAB'
  | 'GOOGLE'
  | 'JIRA'
  | 'KUBECONFIG'
  | 'VERTEX';

/** Conditions on one field; all given conditions must hold. */
export type CredentialProviderFilter = {
  /** Equal to. */
  eq?: CredentialProvider | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<CredentialProvider> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: CredentialProvider | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<CredentialProvider> | null | undefined;
};

/** Conditions on Credential fields; all given conditions must hold. */
export type CredentialWhere = {
  /** All of these hold. */
  AND?: Array<CredentialWhere> | null | undefined;
  /** This does not hold. */
  NOT?: CredentialWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<CredentialWhere> | null | undefined;
  authType?: CredentialAuthTypeFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  description?: StringFilter | null | undefined;
  email?: StringFilter | null | undefined;
  expiresAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  installationId?: SafeIntFilter | null | undefined;
  lastUsedAt?: DateTimeFilter | null | undefined;
  name?: StringFilter | null | undefined;
  provider?: CredentialProviderFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  url?: StringFilter | null | undefined;
  userId?: IdFilter | null | undefined;
  username?: StringFilter | null | undefined;
};

/** Conditions on one field; all given conditions must hold. */
export type DateTimeFilter = {
  /** Equal to. */
  eq?: string | null | undefined;
  /** Greater than. */
  gt?: string | null | undefined;
  /** Greater than or equal to. */
  gte?: string | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<string> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Less than. */
  lt?: string | null | undefined;
  /** Less than or equal to. */
  lte?: string | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: string | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<string> | null | undefined;
};

/** A default repository of the project. */
export type DefaultRepositoryInput = {
  branch?: string | null | undefined;
  provider?: Provider | null | undefined;
  url: string;
};

/** Conditions on one field; all given conditions must hold. */
export type FloatFilter = {
  /** Equal to. */
  eq?: number | null | undefined;
  /** Greater than. */
  gt?: number | null | undefined;
  /** Greater than or equal to. */
  gte?: number | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<number> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Less than. */
  lt?: number | null | undefined;
  /** Less than or equal to. */
  lte?: number | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: number | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<number> | null | undefined;
};

/** A group and its role in the project. */
export type GroupAccessInput = {
  groupName: string;
  role: Role;
};

/** Conditions on one field; all given conditions must hold. */
export type IdFilter = {
  /** Equal to. */
  eq?: string | number | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<string | number> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: string | number | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<string | number> | null | undefined;
};

/** Conditions on one field; all given conditions must hold. */
export type IntFilter = {
  /** Equal to. */
  eq?: number | null | undefined;
  /** Greater than. */
  gt?: number | null | undefined;
  /** Greater than or equal to. */
  gte?: number | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<number> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Less than. */
  lt?: number | null | undefined;
  /** Less than or equal to. */
  lte?: number | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: number | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<number> | null | undefined;
};

/** One entry of a string map; each key at most once. */
export type KeyValueInput = {
  key: string;
  value: string;
};

/** A Kind of object of the API. */
export type KindName =
  | 'AGENT'
  | 'CREDENTIAL'
  | 'INBOX_MESSAGE'
  | 'PERMISSION'
  | 'PROJECT'
  | 'PROJECT_KEY'
  | 'PROJECT_SETTINGS'
  | 'REPOSITORY_REF'
  | 'SCHEDULED_SESSION'
  | 'SESSION'
  | 'SKILL'
  | 'TASK'
  | 'USER'
  | 'WORKFLOW'
  | 'WORKFLOW_SKILL'
  | 'WORKFLOW_TASK';

export type OrderDirection =
  | 'ASC'
  | 'DESC';

/** One sort key of a Permission list; ties are broken by id. */
export type PermissionOrderBy = {
  direction?: OrderDirection;
  field: PermissionOrderField;
};

export type PermissionOrderField =
  | 'CREATED_AT'
  | 'ID'
  | 'PROJECT_ID'
  | 'ROLE'
  | 'SUBJECT_NAME'
  | 'SUBJECT_TYPE'
  | 'UPDATED_AT';

export type PermissionSubjectType =
  | 'GROUP'
  | 'USER';

/** Conditions on one field; all given conditions must hold. */
export type PermissionSubjectTypeFilter = {
  /** Equal to. */
  eq?: PermissionSubjectType | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<PermissionSubjectType> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: PermissionSubjectType | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<PermissionSubjectType> | null | undefined;
};

/** Conditions on Permission fields; all given conditions must hold. */
export type PermissionWhere = {
  /** All of these hold. */
  AND?: Array<PermissionWhere> | null | undefined;
  /** This does not hold. */
  NOT?: PermissionWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<PermissionWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  projectId?: IdFilter | null | undefined;
  role?: RoleFilter | null | undefined;
  subjectName?: StringFilter | null | undefined;
  subjectType?: PermissionSubjectTypeFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Conditions on ProjectKey fields; all given conditions must hold. */
export type ProjectKeyWhere = {
  /** All of these hold. */
  AND?: Array<ProjectKeyWhere> | null | undefined;
  /** This does not hold. */
  NOT?: ProjectKeyWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<ProjectKeyWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  createdByUserId?: IdFilter | null | undefined;
  description?: StringFilter | null | undefined;
  expiresAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  lastUsedAt?: DateTimeFilter | null | undefined;
  name?: StringFilter | null | undefined;
  projectId?: IdFilter | null | undefined;
  role?: RoleFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

/** One sort key of a Project list; ties are broken by id. */
export type ProjectOrderBy = {
  direction?: OrderDirection;
  field: ProjectOrderField;
};

export type ProjectOrderField =
  | 'CREATED_AT'
  | 'DESCRIPTION'
  | 'DISPLAY_NAME'
  | 'ID'
  | 'NAME'
  | 'PROMPT'
  | 'STATUS'
  | 'UPDATED_AT';

/** Conditions on ProjectSettings fields; all given conditions must hold. */
export type ProjectSettingsWhere = {
  /** All of these hold. */
  AND?: Array<ProjectSettingsWhere> | null | undefined;
  /** This does not hold. */
  NOT?: ProjectSettingsWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<ProjectSettingsWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  projectId?: IdFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

export type ProjectStatus =
  | 'ACTIVE'
  | 'TERMINATING';

/** Conditions on one field; all given conditions must hold. */
export type ProjectStatusFilter = {
  /** Equal to. */
  eq?: ProjectStatus | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<ProjectStatus> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: ProjectStatus | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<ProjectStatus> | null | undefined;
};

/** Conditions on Project fields; all given conditions must hold. */
export type ProjectWhere = {
  /** All of these hold. */
  AND?: Array<ProjectWhere> | null | undefined;
  /** This does not hold. */
  NOT?: ProjectWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<ProjectWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  description?: StringFilter | null | undefined;
  displayName?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  prompt?: StringFilter | null | undefined;
  status?: ProjectStatusFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

export type Provider =
  | 'GITHUB'
  | 'GITLAB';

/** Conditions on one field; all given conditions must hold. */
export type ProviderFilter = {
  /** Equal to. */
  eq?: Provider | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<Provider> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: Provider | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<Provider> | null | undefined;
};

/** A repository as cloned into the running session. */
export type ReconciledRepoInput = {
  branch?: string | null | undefined;
  branches?: Array<string> | null | undefined;
  clonedAt?: string | null | undefined;
  currentActiveBranch?: string | null | undefined;
  defaultBranch?: string | null | undefined;
  name?: string | null | undefined;
  status?: ReconciledRepoStatus | null | undefined;
  url: string;
};

export type ReconciledRepoStatus =
  | 'CLONING'
  | 'FAILED'
  | 'READY';

/** The workflow as loaded into the running session. */
export type ReconciledWorkflowInput = {
  appliedAt?: string | null | undefined;
  branch?: string | null | undefined;
  gitUrl: string;
  path?: string | null | undefined;
  status?: ReconciledWorkflowStatus | null | undefined;
};

export type ReconciledWorkflowStatus =
  | 'ACTIVE'
  | 'CLONING'
  | 'FAILED';

/** Conditions on RepositoryRef fields; all given conditions must hold. */
export type RepositoryRefWhere = {
  /** All of these hold. */
  AND?: Array<RepositoryRefWhere> | null | undefined;
  /** This does not hold. */
  NOT?: RepositoryRefWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<RepositoryRefWhere> | null | undefined;
  branch?: StringFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  owner?: StringFilter | null | undefined;
  projectId?: IdFilter | null | undefined;
  provider?: ProviderFilter | null | undefined;
  repoName?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  url?: StringFilter | null | undefined;
};

/** Kubernetes resource settings for the session runner. */
export type ResourceOverridesInput = {
  cpu?: string | null | undefined;
  memory?: string | null | undefined;
  priorityClass?: string | null | undefined;
  storageClass?: string | null | undefined;
};

export type Role =
  | 'ADMIN'
  | 'EDIT'
  | 'VIEW';

/** Conditions on one field; all given conditions must hold. */
export type RoleFilter = {
  /** Equal to. */
  eq?: Role | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<Role> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: Role | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<Role> | null | undefined;
};

/** Conditions on one field; all given conditions must hold. */
export type SafeIntFilter = {
  /** Equal to. */
  eq?: number | null | undefined;
  /** Greater than. */
  gt?: number | null | undefined;
  /** Greater than or equal to. */
  gte?: number | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<number> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Less than. */
  lt?: number | null | undefined;
  /** Less than or equal to. */
  lte?: number | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: number | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<number> | null | undefined;
};

/** Exactly one of: a workflow of the session’s project, or git coordinates (a workflow with them is found or created). */
export type SelectSessionWorkflowInput = {
  /** Branch of the ad-hoc workflow. */
  branch?: string | null | undefined;
  /** Git repository of an ad-hoc workflow. */
  gitUrl?: string | null | undefined;
  /** Path inside the repository of the ad-hoc workflow. */
  path?: string | null | undefined;
  /** A workflow of the session’s project (its global id). */
  workflowId?: string | number | null | undefined;
};

/** A condition of the session runtime, as reported by the operator. */
export type SessionConditionInput = {
  lastTransitionTime?: string | null | undefined;
  message?: string | null | undefined;
  reason?: string | null | undefined;
  status: SessionConditionStatus;
  type: string;
};

export type SessionConditionStatus =
  | 'FALSE'
  | 'TRUE'
  | 'UNKNOWN';

/** One sort key of a Session list; ties are broken by id. */
export type SessionOrderBy = {
  direction?: OrderDirection;
  field: SessionOrderField;
};

export type SessionOrderField =
  | 'AGENT_ID'
  | 'ASSIGNED_USER_ID'
  | 'BOT_ACCOUNT_NAME'
  | 'COMPLETION_TIME'
  | 'CREATED_AT'
  | 'CREATED_BY_USER_ID'
  | 'ID'
  | 'INTERACTIVE'
  | 'KUBE_CR_NAME'
  | 'KUBE_CR_UID'
  | 'KUBE_NAMESPACE'
  | 'LLM_MAX_TOKENS'
  | 'LLM_MODEL'
  | 'LLM_TEMPERATURE'
  | 'NAME'
  | 'PARENT_SESSION_ID'
  | 'PHASE'
  | 'PROJECT_ID'
  | 'PROMPT'
  | 'REPO_URL'
  | 'SCHEDULED_SESSION_ID'
  | 'SDK_RESTART_COUNT'
  | 'SDK_SESSION_ID'
  | 'START_TIME'
  | 'TIMEOUT'
  | 'UPDATED_AT'
  | 'WORKFLOW_ID';

export type SessionPhase =
  | 'COMPLETED'
  | 'CREATING'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'STOPPED'
  | 'STOPPING';

/** Conditions on one field; all given conditions must hold. */
export type SessionPhaseFilter = {
  /** Equal to. */
  eq?: SessionPhase | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<SessionPhase> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: SessionPhase | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<SessionPhase> | null | undefined;
};

/** A git repository the session works on. */
export type SessionRepoInput = {
  autoPush?: boolean | null | undefined;
  branch?: string | null | undefined;
  url: string;
};

/** The runtime status the reconciler reports. Only the fields given change; null clears a field. */
export type SessionStatusInput = {
  /** When the session reached a terminal phase. */
  completionTime?: string | null | undefined;
  /** JSON array of runtime conditions. */
  conditions?: Array<SessionConditionInput> | null | undefined;
  /** uid of the AgenticSession. */
  kubeCrUid?: string | null | undefined;
  /** Namespace of the AgenticSession: the project’s name. */
  kubeNamespace?: string | null | undefined;
  /** Lifecycle phase; absent until the session is first started. */
  phase?: SessionPhase | null | undefined;
  /** JSON array of repositories as cloned in the runner. */
  reconciledRepos?: Array<ReconciledRepoInput> | null | undefined;
  /** JSON object of the workflow as loaded in the runner. */
  reconciledWorkflow?: ReconciledWorkflowInput | null | undefined;
  /** Number of agent SDK restarts. */
  sdkRestartCount?: number | null | undefined;
  /** Agent SDK session id, for resume. */
  sdkSessionId?: string | null | undefined;
  /** When the runner started. */
  startTime?: string | null | undefined;
};

/** Conditions on Session fields; all given conditions must hold. */
export type SessionWhere = {
  /** All of these hold. */
  AND?: Array<SessionWhere> | null | undefined;
  /** This does not hold. */
  NOT?: SessionWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<SessionWhere> | null | undefined;
  agentId?: IdFilter | null | undefined;
  assignedUserId?: IdFilter | null | undefined;
  botAccountName?: StringFilter | null | undefined;
  completionTime?: DateTimeFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  createdByUserId?: IdFilter | null | undefined;
  id?: IdFilter | null | undefined;
  interactive?: BooleanFilter | null | undefined;
  kubeCrName?: StringFilter | null | undefined;
  kubeCrUid?: StringFilter | null | undefined;
  kubeNamespace?: StringFilter | null | undefined;
  llmMaxTokens?: IntFilter | null | undefined;
  llmModel?: StringFilter | null | undefined;
  llmTemperature?: FloatFilter | null | undefined;
  name?: StringFilter | null | undefined;
  parentSessionId?: IdFilter | null | undefined;
  phase?: SessionPhaseFilter | null | undefined;
  projectId?: IdFilter | null | undefined;
  prompt?: StringFilter | null | undefined;
  repoUrl?: StringFilter | null | undefined;
  scheduledSessionId?: IdFilter | null | undefined;
  sdkRestartCount?: IntFilter | null | undefined;
  sdkSessionId?: StringFilter | null | undefined;
  startTime?: DateTimeFilter | null | undefined;
  timeout?: IntFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  workflowId?: IdFilter | null | undefined;
};

/** Conditions on Skill fields; all given conditions must hold. */
export type SkillWhere = {
  /** All of these hold. */
  AND?: Array<SkillWhere> | null | undefined;
  /** This does not hold. */
  NOT?: SkillWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<SkillWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  projectId?: IdFilter | null | undefined;
  prompt?: StringFilter | null | undefined;
  repoUrl?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Conditions on one field; all given conditions must hold. */
export type StringFilter = {
  /** Compare text ignoring case (eq, ne, in, notIn, contains, startsWith, endsWith). */
  caseInsensitive?: boolean | null | undefined;
  /** Contains the text. */
  contains?: string | null | undefined;
  /** Ends with the text. */
  endsWith?: string | null | undefined;
  /** Equal to. */
  eq?: string | null | undefined;
  /** Equal to one of (at most 100). */
  in?: Array<string> | null | undefined;
  /** true: has no value; false: has a value. */
  isNull?: boolean | null | undefined;
  /** Not equal to (null values do not match). */
  ne?: string | null | undefined;
  /** Equal to none of (at most 100). */
  notIn?: Array<string> | null | undefined;
  /** Starts with the text. */
  startsWith?: string | null | undefined;
};

/** Conditions on Task fields; all given conditions must hold. */
export type TaskWhere = {
  /** All of these hold. */
  AND?: Array<TaskWhere> | null | undefined;
  /** This does not hold. */
  NOT?: TaskWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<TaskWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  projectId?: IdFilter | null | undefined;
  prompt?: StringFilter | null | undefined;
  repoUrl?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Changes to a Agent: only the fields given change; null clears a field (or restores its default). */
export type UpdateAgentInput = {
  /** JSON object of annotations, also given to the agent’s sessions. */
  annotations?: Array<KeyValueInput> | null | undefined;
  /** Bot account for git operations. */
  botAccountName?: string | null | undefined;
  /** Free text. */
  description?: string | null | undefined;
  /** Human-readable name. */
  displayName?: string | null | undefined;
  /** JSON object of environment variables for the runner. */
  environmentVariables?: Array<KeyValueInput> | null | undefined;
  /** JSON object of labels, also given to the agent’s sessions. */
  labels?: Array<KeyValueInput> | null | undefined;
  /** Maximum output tokens. */
  llmMaxTokens?: number | null | undefined;
  /** Model name; an empty string counts as absent. */
  llmModel?: string | null | undefined;
  /** Sampling temperature, 0 to 2. */
  llmTemperature?: number | null | undefined;
  /** Name, unique in the project. */
  name?: string | null | undefined;
  /** Global id of the Agent (in the same project). */
  parentAgentId?: string | number | null | undefined;
  /** Standing instructions, part of every start prompt. */
  prompt?: string | null | undefined;
  /** Git repository. */
  repoUrl?: string | null | undefined;
  /** JSON object {cpu?, memory?, storage_class?, priority_class?}. */
  resourceOverrides?: ResourceOverridesInput | null | undefined;
  /** Global id of the Workflow (in the same project). */
  workflowId?: string | number | null | undefined;
};

/** Changes to a Credential: only the fields given change; null clears a field (or restores its default). */
export type UpdateCredentialInput = {
  /** JSON object of annotations. */
  annotations?: Array<KeyValueInput> | null | undefined;
  /** Free text. */
  description?: string | null | undefined;
  /** Account email; required for jira. */
  email?: string | null | undefined;
  /** GitHub App installation (github only). */
  installationId?: number | null | undefined;
  /** JSON object of labels. */
  labels?: Array<KeyValueInput> | null | undefined;
  /** Name; defaults to the provider. */
  name?: string | null | undefined;
  /** The secret; never returned here (GET …/token releases it to callers allowed to read it). */
  token?: string | null | undefined;
  /** Provider URL; defaults for github and gitlab, required for jira. */
  url?: string | null | undefined;
  /** Provider login. */
  username?: string | null | undefined;
};

/** Changes to a Permission: only the fields given change; null clears a field (or restores its default). */
export type UpdatePermissionInput = {
  /** admin, edit or view. */
  role?: Role | null | undefined;
};

/** Changes to a Project: only the fields given change; null clears a field (or restores its default). */
export type UpdateProjectInput = {
  /** JSON object of annotations projected onto the namespace. */
  annotations?: Array<KeyValueInput> | null | undefined;
  /** Free text. */
  description?: string | null | undefined;
  /** Human-readable name. */
  displayName?: string | null | undefined;
  /** JSON object of labels projected onto the namespace. */
  labels?: Array<KeyValueInput> | null | undefined;
  /** Standing instructions for every agent and session of the project (head-contract H1). */
  prompt?: string | null | undefined;
};

/** Changes to a ProjectKey: only the fields given change; null clears a field (or restores its default). */
export type UpdateProjectKeyInput = {
  /** Free text. */
  description?: string | null | undefined;
  /** Name. */
  name?: string | null | undefined;
};

/** Changes to a ProjectSettings: only the fields given change; null clears a field (or restores its default). */
export type UpdateProjectSettingsInput = {
  /** JSON array of {group_name, role}: a view over the project’s group Permissions. Writing it makes them equal to the array. */
  groupAccess?: Array<GroupAccessInput> | null | undefined;
  /** JSON array (at most 100) of {url, branch?, provider?}. */
  repositories?: Array<DefaultRepositoryInput> | null | undefined;
};

/** Changes to a RepositoryRef: only the fields given change; null clears a field (or restores its default). */
export type UpdateRepositoryRefInput = {
  /** Branch; absent means the repository’s default branch. */
  branch?: string | null | undefined;
  /** Name, unique in the project; defaults to repo_name. */
  name?: string | null | undefined;
  /** Owner path (GitLab subgroups keep their slashes); derived from the URL when absent. */
  owner?: string | null | undefined;
  /** github or gitlab; derived from the host when absent. */
  provider?: Provider | null | undefined;
  /** Repository name; derived from the URL when absent. */
  repoName?: string | null | undefined;
  /** Git URL. */
  url?: string | null | undefined;
};

/** Changes to a Session: only the fields given change; null clears a field (or restores its default). */
export type UpdateSessionInput = {
  /** JSON object of Kubernetes annotations for the AgenticSession. */
  annotations?: Array<KeyValueInput> | null | undefined;
  /** Global id of the User. */
  assignedUserId?: string | number | null | undefined;
  /** Bot account for git operations. */
  botAccountName?: string | null | undefined;
  /** JSON object of environment variables for the runner. */
  environmentVariables?: Array<KeyValueInput> | null | undefined;
  /** Chat (true) or batch (false) session. */
  interactive?: boolean | null | undefined;
  /** JSON object of Kubernetes labels for the AgenticSession. */
  labels?: Array<KeyValueInput> | null | undefined;
  /** Maximum output tokens. */
  llmMaxTokens?: number | null | undefined;
  /** Model name; an empty string counts as absent. */
  llmModel?: string | null | undefined;
  /** Sampling temperature, 0 to 2. */
  llmTemperature?: number | null | undefined;
  /** Display name. */
  name?: string | null | undefined;
  /** Global id of the Session. */
  parentSessionId?: string | number | null | undefined;
  /** Initial prompt. */
  prompt?: string | null | undefined;
  /** Deprecated: use repos. Used only when repos is absent or empty. */
  repoUrl?: string | null | undefined;
  /** JSON array (at most 50) of {url, branch?, auto_push?}. */
  repos?: Array<SessionRepoInput> | null | undefined;
  /** JSON object {cpu?, memory?, storage_class?, priority_class?}. */
  resourceOverrides?: ResourceOverridesInput | null | undefined;
  /** Session timeout in seconds. */
  timeout?: number | null | undefined;
  /** Global id of the Workflow (in the same project). */
  workflowId?: string | number | null | undefined;
};

/** Changes to a Skill: only the fields given change; null clears a field (or restores its default). */
export type UpdateSkillInput = {
  /** Name, unique in the project. */
  name?: string | null | undefined;
  /** Prompt text. */
  prompt?: string | null | undefined;
  /** Git repository. */
  repoUrl?: string | null | undefined;
};

/** Changes to a Task: only the fields given change; null clears a field (or restores its default). */
export type UpdateTaskInput = {
  /** Name, unique in the project. */
  name?: string | null | undefined;
  /** Prompt text. */
  prompt?: string | null | undefined;
  /** Git repository. */
  repoUrl?: string | null | undefined;
};

/** Changes to a User: only the fields given change; null clears a field (or restores its default). */
export type UpdateUserInput = {
  /** Email address. */
  email?: string | null | undefined;
  /** Groups for authorization, added to the groups of the caller’s token. */
  groups?: Array<string> | null | undefined;
  /** Display name. */
  name?: string | null | undefined;
};

/** Changes to a Workflow: only the fields given change; null clears a field (or restores its default). */
export type UpdateWorkflowInput = {
  /** Global id of the Agent (in the same project). */
  agentId?: string | number | null | undefined;
  /** Branch; absent means main. */
  branch?: string | null | undefined;
  /** Name, unique in the project. */
  name?: string | null | undefined;
  /** Directory or file inside the repository. */
  path?: string | null | undefined;
  /** Prompt text. */
  prompt?: string | null | undefined;
  /** Git repository of the workflow. */
  repoUrl?: string | null | undefined;
};

/** Changes to a WorkflowSkill: only the fields given change; null clears a field (or restores its default). */
export type UpdateWorkflowSkillInput = {
  /** Order within the workflow (ties by id). */
  position?: number | null | undefined;
};

/** Changes to a WorkflowTask: only the fields given change; null clears a field (or restores its default). */
export type UpdateWorkflowTaskInput = {
  /** Order within the workflow (ties by id). */
  position?: number | null | undefined;
};

/** One sort key of a User list; ties are broken by id. */
export type UserOrderBy = {
  direction?: OrderDirection;
  field: UserOrderField;
};

export type UserOrderField =
  | 'CREATED_AT'
  | 'EMAIL'
  | 'ID'
  | 'NAME'
  | 'UPDATED_AT'
  | 'USERNAME';

/** Conditions on User fields; all given conditions must hold. */
export type UserWhere = {
  /** All of these hold. */
  AND?: Array<UserWhere> | null | undefined;
  /** This does not hold. */
  NOT?: UserWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<UserWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  email?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  username?: StringFilter | null | undefined;
};

/** One sort key of a Workflow list; ties are broken by id. */
export type WorkflowOrderBy = {
  direction?: OrderDirection;
  field: WorkflowOrderField;
};

export type WorkflowOrderField =
  | 'AGENT_ID'
  | 'BRANCH'
  | 'CREATED_AT'
  | 'ID'
  | 'NAME'
  | 'PATH'
  | 'PROJECT_ID'
  | 'PROMPT'
  | 'REPO_URL'
  | 'UPDATED_AT';

/** Conditions on WorkflowSkill fields; all given conditions must hold. */
export type WorkflowSkillWhere = {
  /** All of these hold. */
  AND?: Array<WorkflowSkillWhere> | null | undefined;
  /** This does not hold. */
  NOT?: WorkflowSkillWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<WorkflowSkillWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  position?: IntFilter | null | undefined;
  skillId?: IdFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  workflowId?: IdFilter | null | undefined;
};

/** Conditions on WorkflowTask fields; all given conditions must hold. */
export type WorkflowTaskWhere = {
  /** All of these hold. */
  AND?: Array<WorkflowTaskWhere> | null | undefined;
  /** This does not hold. */
  NOT?: WorkflowTaskWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<WorkflowTaskWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  position?: IntFilter | null | undefined;
  taskId?: IdFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  workflowId?: IdFilter | null | undefined;
};

/** Conditions on Workflow fields; all given conditions must hold. */
export type WorkflowWhere = {
  /** All of these hold. */
  AND?: Array<WorkflowWhere> | null | undefined;
  /** This does not hold. */
  NOT?: WorkflowWhere | null | undefined;
  /** At least one of these holds. */
  OR?: Array<WorkflowWhere> | null | undefined;
  agentId?: IdFilter | null | undefined;
  branch?: StringFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  path?: StringFilter | null | undefined;
  projectId?: IdFilter | null | undefined;
  prompt?: StringFilter | null | undefined;
  repoUrl?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

export type PermissionsQueryVariables = Exact<{
  where?: PermissionWhere | null | undefined;
  orderBy?: Array<PermissionOrderBy> | PermissionOrderBy | null | undefined;
}>;


export type PermissionsQuery = { permissions: { totalCount: number, nodes: Array<{ id: string, subjectType: PermissionSubjectType, subjectName: string, role: Role, projectId: string }> } };

export type PermissionQueryVariables = Exact<{
  id: string | number;
}>;


export type PermissionQuery = { permission: { id: string, subjectType: PermissionSubjectType, subjectName: string, role: Role, project: { id: string, name: string } } | null };

export type CreatePermissionMutationVariables = Exact<{
  input: CreatePermissionInput;
}>;


export type CreatePermissionMutation = { createPermission: { id: string, subjectType: PermissionSubjectType, subjectName: string, role: Role } };

export type UpdatePermissionMutationVariables = Exact<{
  id: string | number;
  input: UpdatePermissionInput;
}>;


export type UpdatePermissionMutation = { updatePermission: { id: string, role: Role } };

export type DeletePermissionMutationVariables = Exact<{
  id: string | number;
}>;


export type DeletePermissionMutation = { deletePermission: { deletedId: string } };

export type ProjectKeysQueryVariables = Exact<{
  where?: ProjectKeyWhere | null | undefined;
}>;


export type ProjectKeysQuery = { projectKeys: { totalCount: number, nodes: Array<{ id: string, name: string, role: Role, key: string | null, lastUsedAt: string | null, creator: { id: string, username: string } | null }> } };

export type ProjectKeyQueryVariables = Exact<{
  id: string | number;
}>;


export type ProjectKeyQuery = { projectKey: { id: string, name: string, key: string | null } | null };

export type CreateProjectKeyMutationVariables = Exact<{
  input: CreateProjectKeyInput;
}>;


export type CreateProjectKeyMutation = { createProjectKey: { id: string, name: string, role: Role, expiresAt: string | null, key: string | null } };

export type UpdateProjectKeyMutationVariables = Exact<{
  id: string | number;
  input: UpdateProjectKeyInput;
}>;


export type UpdateProjectKeyMutation = { updateProjectKey: { id: string, name: string, description: string | null } };

export type DeleteProjectKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteProjectKeyMutation = { deleteProjectKey: { deletedId: string } };

export type RepositoryRefsQueryVariables = Exact<{
  where?: RepositoryRefWhere | null | undefined;
}>;


export type RepositoryRefsQuery = { repositoryRefs: { totalCount: number, nodes: Array<{ id: string, name: string, url: string, provider: Provider | null, owner: string | null, repoName: string | null }> } };

export type RepositoryRefQueryVariables = Exact<{
  id: string | number;
}>;


export type RepositoryRefQuery = { repositoryRef: { id: string, name: string, url: string } | null };

export type CreateRepositoryRefMutationVariables = Exact<{
  input: CreateRepositoryRefInput;
}>;


export type CreateRepositoryRefMutation = { createRepositoryRef: { id: string, name: string, url: string, provider: Provider | null, owner: string | null, repoName: string | null } };

export type UpdateRepositoryRefMutationVariables = Exact<{
  id: string | number;
  input: UpdateRepositoryRefInput;
}>;


export type UpdateRepositoryRefMutation = { updateRepositoryRef: { id: string, name: string, branch: string | null } };

export type DeleteRepositoryRefMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteRepositoryRefMutation = { deleteRepositoryRef: { deletedId: string } };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'Agent', id: string }
    | { __typename: 'Credential', id: string }
    | { __typename: 'InboxMessage', id: string }
    | { __typename: 'Permission', id: string }
    | { __typename: 'Project', name: string, id: string }
    | { __typename: 'ProjectKey', id: string }
    | { __typename: 'ProjectSettings', id: string }
    | { __typename: 'RepositoryRef', id: string }
    | { __typename: 'ScheduledSession', id: string }
    | { __typename: 'Session', name: string, id: string }
    | { __typename: 'Skill', id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'Workflow', id: string }
    | { __typename: 'WorkflowSkill', id: string }
    | { __typename: 'WorkflowTask', id: string }
   | null };

export type ProjectPromptQueryVariables = Exact<{
  name: string;
}>;


export type ProjectPromptQuery = { projectByName: { id: string, databaseId: string, prompt: string | null } | null };

export type CreateProjectWithPromptMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type CreateProjectWithPromptMutation = { createProject: { id: string, databaseId: string, name: string, prompt: string | null } };

export type UpdateProjectPromptMutationVariables = Exact<{
  id: string | number;
  prompt?: string | null | undefined;
}>;


export type UpdateProjectPromptMutation = { updateProject: { id: string, prompt: string | null } };

export type CredentialHeadFieldsFragment = { id: string, databaseId: string, provider: CredentialProvider, hasToken: boolean | null, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null };

export type CreateHeadCredentialMutationVariables = Exact<{
  input: CreateCredentialInput;
}>;


export type CreateHeadCredentialMutation = { createCredential: { id: string, databaseId: string, provider: CredentialProvider, hasToken: boolean | null, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null } };

export type UpdateHeadCredentialMutationVariables = Exact<{
  id: string | number;
  input: UpdateCredentialInput;
}>;


export type UpdateHeadCredentialMutation = { updateCredential: { id: string, databaseId: string, provider: CredentialProvider, hasToken: boolean | null, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null } };

export type HeadCredentialQueryVariables = Exact<{
  id: string | number;
}>;


export type HeadCredentialQuery = { credential: { id: string, databaseId: string, provider: CredentialProvider, hasToken: boolean | null, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null } | null };

export type AgentSessionsQueryVariables = Exact<{
  id: string | number;
}>;


export type AgentSessionsQuery = { agent: { id: string, currentSessionId: string | null, sessions: { totalCount: number, nodes: Array<{ id: string, databaseId: string, phase: SessionPhase | null, agentId: string | null }> }, inbox: { totalCount: number, nodes: Array<{ id: string, body: string, read: boolean }> } } | null };

export type MarkInboxMessageMutationVariables = Exact<{
  id: string | number;
  read?: boolean | null | undefined;
}>;


export type MarkInboxMessageMutation = { updateInboxMessage: { id: string, read: boolean } };

export type DeleteInboxMessageMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteInboxMessageMutation = { deleteInboxMessage: { deletedId: string } };

export type ProjectFieldsFragment = { id: string, databaseId: string, name: string, displayName: string | null, description: string | null, status: ProjectStatus, viewerRole: Role | null, createdAt: string, updatedAt: string, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null };

export type ProjectSettingsFieldsFragment = { id: string, databaseId: string, projectId: string, createdAt: string, updatedAt: string, groupAccess: Array<{ groupName: string, role: Role }> | null, repositories: Array<{ url: string, branch: string | null, provider: Provider | null }> | null };

export type ProjectsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  where?: ProjectWhere | null | undefined;
  orderBy?: Array<ProjectOrderBy> | ProjectOrderBy | null | undefined;
}>;


export type ProjectsQuery = { projects: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, databaseId: string, name: string, displayName: string | null, description: string | null, status: ProjectStatus, viewerRole: Role | null, createdAt: string, updatedAt: string, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null } }> } };

export type ProjectsWithLatestSessionsQueryVariables = Exact<{
  first?: number | null | undefined;
  sessions?: number | null | undefined;
}>;


export type ProjectsWithLatestSessionsQuery = { projects: { totalCount: number, nodes: Array<{ id: string, name: string, sessions: { totalCount: number, nodes: Array<{ id: string, name: string, phase: SessionPhase | null, createdAt: string }> } }> } };

export type ProjectQueryVariables = Exact<{
  id: string | number;
}>;


export type ProjectQuery = { project: { id: string, databaseId: string, name: string, displayName: string | null, description: string | null, status: ProjectStatus, viewerRole: Role | null, createdAt: string, updatedAt: string, settings: { id: string, databaseId: string, projectId: string, createdAt: string, updatedAt: string, groupAccess: Array<{ groupName: string, role: Role }> | null, repositories: Array<{ url: string, branch: string | null, provider: Provider | null }> | null } | null, permissions: { totalCount: number, nodes: Array<{ id: string, subjectType: PermissionSubjectType, subjectName: string, role: Role }> }, agents: { nodes: Array<{ id: string, name: string }> }, workflows: { nodes: Array<{ id: string, name: string }> }, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null } | null };

export type ProjectByNameQueryVariables = Exact<{
  name: string;
}>;


export type ProjectByNameQuery = { projectByName: { id: string, databaseId: string, name: string, displayName: string | null, description: string | null, status: ProjectStatus, viewerRole: Role | null, createdAt: string, updatedAt: string, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null } | null };

export type CreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type CreateProjectMutation = { createProject: { id: string, databaseId: string, name: string, displayName: string | null, description: string | null, status: ProjectStatus, viewerRole: Role | null, createdAt: string, updatedAt: string, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null } };

export type UpdateProjectMutationVariables = Exact<{
  id: string | number;
  input: UpdateProjectInput;
}>;


export type UpdateProjectMutation = { updateProject: { id: string, databaseId: string, name: string, displayName: string | null, description: string | null, status: ProjectStatus, viewerRole: Role | null, createdAt: string, updatedAt: string, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null } };

export type DeleteProjectMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteProjectMutation = { deleteProject: { deletedId: string } };

export type AllProjectSettingsQueryVariables = Exact<{
  where?: ProjectSettingsWhere | null | undefined;
}>;


export type AllProjectSettingsQuery = { allProjectSettings: { totalCount: number, nodes: Array<{ id: string, databaseId: string, projectId: string, createdAt: string, updatedAt: string, project: { id: string, name: string }, groupAccess: Array<{ groupName: string, role: Role }> | null, repositories: Array<{ url: string, branch: string | null, provider: Provider | null }> | null }> } };

export type ProjectSettingsQueryVariables = Exact<{
  id: string | number;
}>;


export type ProjectSettingsQuery = { projectSettings: { id: string, databaseId: string, projectId: string, createdAt: string, updatedAt: string, groupAccess: Array<{ groupName: string, role: Role }> | null, repositories: Array<{ url: string, branch: string | null, provider: Provider | null }> | null } | null };

export type CreateProjectSettingsMutationVariables = Exact<{
  input: CreateProjectSettingsInput;
}>;


export type CreateProjectSettingsMutation = { createProjectSettings: { id: string, databaseId: string, projectId: string, createdAt: string, updatedAt: string, groupAccess: Array<{ groupName: string, role: Role }> | null, repositories: Array<{ url: string, branch: string | null, provider: Provider | null }> | null } };

export type UpdateProjectSettingsMutationVariables = Exact<{
  id: string | number;
  input: UpdateProjectSettingsInput;
}>;


export type UpdateProjectSettingsMutation = { updateProjectSettings: { id: string, databaseId: string, projectId: string, createdAt: string, updatedAt: string, groupAccess: Array<{ groupName: string, role: Role }> | null, repositories: Array<{ url: string, branch: string | null, provider: Provider | null }> | null } };

export type DeleteProjectSettingsMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteProjectSettingsMutation = { deleteProjectSettings: { deletedId: string } };

export type SessionFieldsFragment = { id: string, databaseId: string, name: string, prompt: string | null, repoUrl: string | null, interactive: boolean, timeout: number, llmModel: string, llmTemperature: number, llmMaxTokens: number, projectId: string, workflowId: string | null, assignedUserId: string | null, parentSessionId: string | null, createdByUserId: string | null, botAccountName: string | null, phase: SessionPhase | null, startTime: string | null, completionTime: string | null, sdkSessionId: string | null, sdkRestartCount: number, kubeCrName: string, kubeCrUid: string | null, kubeNamespace: string | null, createdAt: string, updatedAt: string, repos: Array<{ url: string, branch: string | null, autoPush: boolean | null }> | null, resourceOverrides: { cpu: string | null, memory: string | null, storageClass: string | null, priorityClass: string | null } | null, environmentVariables: Array<{ key: string, value: string }> | null, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null, conditions: Array<{ type: string, status: SessionConditionStatus, reason: string | null, message: string | null, lastTransitionTime: string | null }> | null, reconciledRepos: Array<{ url: string, branch: string | null, name: string | null, status: ReconciledRepoStatus | null, clonedAt: string | null, branches: Array<string> | null, currentActiveBranch: string | null, defaultBranch: string | null }> | null, reconciledWorkflow: { gitUrl: string, branch: string | null, path: string | null, status: ReconciledWorkflowStatus | null, appliedAt: string | null } | null };

export type SessionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  where?: SessionWhere | null | undefined;
  orderBy?: Array<SessionOrderBy> | SessionOrderBy | null | undefined;
}>;


export type SessionsQuery = { sessions: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, databaseId: string, name: string, phase: SessionPhase | null, llmModel: string, createdAt: string, project: { id: string, name: string }, workflow: { id: string, name: string } | null, creator: { id: string, username: string } | null } }> } };

export type SessionQueryVariables = Exact<{
  id: string | number;
}>;


export type SessionQuery = { session: { id: string, databaseId: string, name: string, prompt: string | null, repoUrl: string | null, interactive: boolean, timeout: number, llmModel: string, llmTemperature: number, llmMaxTokens: number, projectId: string, workflowId: string | null, assignedUserId: string | null, parentSessionId: string | null, createdByUserId: string | null, botAccountName: string | null, phase: SessionPhase | null, startTime: string | null, completionTime: string | null, sdkSessionId: string | null, sdkRestartCount: number, kubeCrName: string, kubeCrUid: string | null, kubeNamespace: string | null, createdAt: string, updatedAt: string, project: { id: string, name: string }, workflow: { id: string, name: string } | null, creator: { id: string, username: string } | null, assignee: { id: string, username: string } | null, parent: { id: string, name: string } | null, children: { totalCount: number, nodes: Array<{ id: string, name: string }> }, repos: Array<{ url: string, branch: string | null, autoPush: boolean | null }> | null, resourceOverrides: { cpu: string | null, memory: string | null, storageClass: string | null, priorityClass: string | null } | null, environmentVariables: Array<{ key: string, value: string }> | null, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null, conditions: Array<{ type: string, status: SessionConditionStatus, reason: string | null, message: string | null, lastTransitionTime: string | null }> | null, reconciledRepos: Array<{ url: string, branch: string | null, name: string | null, status: ReconciledRepoStatus | null, clonedAt: string | null, branches: Array<string> | null, currentActiveBranch: string | null, defaultBranch: string | null }> | null, reconciledWorkflow: { gitUrl: string, branch: string | null, path: string | null, status: ReconciledWorkflowStatus | null, appliedAt: string | null } | null } | null };

export type CreateSessionMutationVariables = Exact<{
  input: CreateSessionInput;
}>;


export type CreateSessionMutation = { createSession: { id: string, databaseId: string, name: string, prompt: string | null, repoUrl: string | null, interactive: boolean, timeout: number, llmModel: string, llmTemperature: number, llmMaxTokens: number, projectId: string, workflowId: string | null, assignedUserId: string | null, parentSessionId: string | null, createdByUserId: string | null, botAccountName: string | null, phase: SessionPhase | null, startTime: string | null, completionTime: string | null, sdkSessionId: string | null, sdkRestartCount: number, kubeCrName: string, kubeCrUid: string | null, kubeNamespace: string | null, createdAt: string, updatedAt: string, repos: Array<{ url: string, branch: string | null, autoPush: boolean | null }> | null, resourceOverrides: { cpu: string | null, memory: string | null, storageClass: string | null, priorityClass: string | null } | null, environmentVariables: Array<{ key: string, value: string }> | null, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null, conditions: Array<{ type: string, status: SessionConditionStatus, reason: string | null, message: string | null, lastTransitionTime: string | null }> | null, reconciledRepos: Array<{ url: string, branch: string | null, name: string | null, status: ReconciledRepoStatus | null, clonedAt: string | null, branches: Array<string> | null, currentActiveBranch: string | null, defaultBranch: string | null }> | null, reconciledWorkflow: { gitUrl: string, branch: string | null, path: string | null, status: ReconciledWorkflowStatus | null, appliedAt: string | null } | null } };

export type UpdateSessionMutationVariables = Exact<{
  id: string | number;
  input: UpdateSessionInput;
}>;


export type UpdateSessionMutation = { updateSession: { id: string, databaseId: string, name: string, prompt: string | null, repoUrl: string | null, interactive: boolean, timeout: number, llmModel: string, llmTemperature: number, llmMaxTokens: number, projectId: string, workflowId: string | null, assignedUserId: string | null, parentSessionId: string | null, createdByUserId: string | null, botAccountName: string | null, phase: SessionPhase | null, startTime: string | null, completionTime: string | null, sdkSessionId: string | null, sdkRestartCount: number, kubeCrName: string, kubeCrUid: string | null, kubeNamespace: string | null, createdAt: string, updatedAt: string, repos: Array<{ url: string, branch: string | null, autoPush: boolean | null }> | null, resourceOverrides: { cpu: string | null, memory: string | null, storageClass: string | null, priorityClass: string | null } | null, environmentVariables: Array<{ key: string, value: string }> | null, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null, conditions: Array<{ type: string, status: SessionConditionStatus, reason: string | null, message: string | null, lastTransitionTime: string | null }> | null, reconciledRepos: Array<{ url: string, branch: string | null, name: string | null, status: ReconciledRepoStatus | null, clonedAt: string | null, branches: Array<string> | null, currentActiveBranch: string | null, defaultBranch: string | null }> | null, reconciledWorkflow: { gitUrl: string, branch: string | null, path: string | null, status: ReconciledWorkflowStatus | null, appliedAt: string | null } | null } };

export type DeleteSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteSessionMutation = { deleteSession: { deletedId: string } };

export type StartSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type StartSessionMutation = { startSession: { id: string, phase: SessionPhase | null, completionTime: string | null } };

export type StopSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type StopSessionMutation = { stopSession: { id: string, phase: SessionPhase | null } };

export type CloneSessionMutationVariables = Exact<{
  id: string | number;
  input?: CloneSessionInput | null | undefined;
}>;


export type CloneSessionMutation = { cloneSession: { id: string, databaseId: string, name: string, prompt: string | null, repoUrl: string | null, interactive: boolean, timeout: number, llmModel: string, llmTemperature: number, llmMaxTokens: number, projectId: string, workflowId: string | null, assignedUserId: string | null, parentSessionId: string | null, createdByUserId: string | null, botAccountName: string | null, phase: SessionPhase | null, startTime: string | null, completionTime: string | null, sdkSessionId: string | null, sdkRestartCount: number, kubeCrName: string, kubeCrUid: string | null, kubeNamespace: string | null, createdAt: string, updatedAt: string, parent: { id: string } | null, repos: Array<{ url: string, branch: string | null, autoPush: boolean | null }> | null, resourceOverrides: { cpu: string | null, memory: string | null, storageClass: string | null, priorityClass: string | null } | null, environmentVariables: Array<{ key: string, value: string }> | null, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null, conditions: Array<{ type: string, status: SessionConditionStatus, reason: string | null, message: string | null, lastTransitionTime: string | null }> | null, reconciledRepos: Array<{ url: string, branch: string | null, name: string | null, status: ReconciledRepoStatus | null, clonedAt: string | null, branches: Array<string> | null, currentActiveBranch: string | null, defaultBranch: string | null }> | null, reconciledWorkflow: { gitUrl: string, branch: string | null, path: string | null, status: ReconciledWorkflowStatus | null, appliedAt: string | null } | null } };

export type AddSessionRepoMutationVariables = Exact<{
  id: string | number;
  input: SessionRepoInput;
}>;


export type AddSessionRepoMutation = { addSessionRepo: { id: string, repos: Array<{ url: string, branch: string | null, autoPush: boolean | null }> | null } };

export type RemoveSessionRepoMutationVariables = Exact<{
  id: string | number;
  name: string;
}>;


export type RemoveSessionRepoMutation = { removeSessionRepo: { id: string, repos: Array<{ url: string }> | null } };

export type SelectSessionWorkflowMutationVariables = Exact<{
  id: string | number;
  input: SelectSessionWorkflowInput;
}>;


export type SelectSessionWorkflowMutation = { selectSessionWorkflow: { id: string, workflow: { id: string, name: string, repoUrl: string | null, branch: string | null, path: string | null } | null } };

export type UpdateSessionStatusMutationVariables = Exact<{
  id: string | number;
  input: SessionStatusInput;
}>;


export type UpdateSessionStatusMutation = { updateSessionStatus: { id: string, databaseId: string, name: string, prompt: string | null, repoUrl: string | null, interactive: boolean, timeout: number, llmModel: string, llmTemperature: number, llmMaxTokens: number, projectId: string, workflowId: string | null, assignedUserId: string | null, parentSessionId: string | null, createdByUserId: string | null, botAccountName: string | null, phase: SessionPhase | null, startTime: string | null, completionTime: string | null, sdkSessionId: string | null, sdkRestartCount: number, kubeCrName: string, kubeCrUid: string | null, kubeNamespace: string | null, createdAt: string, updatedAt: string, repos: Array<{ url: string, branch: string | null, autoPush: boolean | null }> | null, resourceOverrides: { cpu: string | null, memory: string | null, storageClass: string | null, priorityClass: string | null } | null, environmentVariables: Array<{ key: string, value: string }> | null, labels: Array<{ key: string, value: string }> | null, annotations: Array<{ key: string, value: string }> | null, conditions: Array<{ type: string, status: SessionConditionStatus, reason: string | null, message: string | null, lastTransitionTime: string | null }> | null, reconciledRepos: Array<{ url: string, branch: string | null, name: string | null, status: ReconciledRepoStatus | null, clonedAt: string | null, branches: Array<string> | null, currentActiveBranch: string | null, defaultBranch: string | null }> | null, reconciledWorkflow: { gitUrl: string, branch: string | null, path: string | null, status: ReconciledWorkflowStatus | null, appliedAt: string | null } | null } };

export type SetSessionModelMutationVariables = Exact<{
  id: string | number;
  model: string;
}>;


export type SetSessionModelMutation = { setSessionModel: { id: string, llmModel: string, agentId: string | null, agent: { id: string, name: string } | null } };

export type SessionMessagesQueryVariables = Exact<{
  session: string | number;
  afterSeq?: string | null | undefined;
}>;


export type SessionMessagesQuery = { sessionMessages: Array<{ id: string, seq: number, eventType: string, payload: string, createdAt: string }> };

export type PushSessionMessageMutationVariables = Exact<{
  session: string | number;
  eventType?: string | null | undefined;
  payload: string;
}>;


export type PushSessionMessageMutation = { pushSessionMessage: { id: string, seq: number, eventType: string, payload: string } };

export type SessionChangedSubscriptionVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type SessionChangedSubscription = { sessionChanged: { type: ChangeType, cursor: string | null, session: { id: string, databaseId: string, name: string, prompt: string | null, phase: SessionPhase | null, startTime: string | null, completionTime: string | null, llmModel: string, updatedAt: string, repos: Array<{ url: string, branch: string | null }> | null, conditions: Array<{ type: string, status: SessionConditionStatus, reason: string | null, message: string | null }> | null, workflow: { id: string, name: string } | null } } };

export type ProjectSessionsChangedSubscriptionVariables = Exact<{
  project: string | number;
  where?: SessionWhere | null | undefined;
  after?: string | null | undefined;
}>;


export type ProjectSessionsChangedSubscription = { projectSessionsChanged: { type: ChangeType, cursor: string | null, session: { id: string, databaseId: string, name: string, phase: SessionPhase | null, llmModel: string, createdAt: string, workflow: { id: string, name: string } | null, creator: { id: string, username: string } | null } } };

export type SessionPhaseChangedSubscriptionVariables = Exact<{
  project?: string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type SessionPhaseChangedSubscription = { sessionPhaseChanged: { cursor: string, previousPhase: SessionPhase | null, phase: SessionPhase | null, session: { id: string, name: string, project: { id: string, name: string } } } };

export type ChangesSubscriptionVariables = Exact<{
  kind: KindName;
  project?: string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type ChangesSubscription = { changes: { cursor: string, type: ChangeType, kind: KindName, id: string, object: string } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, username: string, name: string, email: string | null, groups: Array<string>, credentials: { totalCount: number, nodes: Array<{ id: string, provider: CredentialProvider, hasToken: boolean | null }> } } | null };

export type UsersQueryVariables = Exact<{
  where?: UserWhere | null | undefined;
  orderBy?: Array<UserOrderBy> | UserOrderBy | null | undefined;
}>;


export type UsersQuery = { users: { totalCount: number, nodes: Array<{ id: string, username: string, name: string, email: string | null, groups: Array<string> }> } };

export type UserQueryVariables = Exact<{
  id: string | number;
}>;


export type UserQuery = { user: { id: string, username: string, name: string, createdSessions: { totalCount: number }, assignedSessions: { totalCount: number } } | null };

export type UserByUsernameQueryVariables = Exact<{
  username: string;
}>;


export type UserByUsernameQuery = { userByUsername: { id: string, username: string } | null };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, username: string, name: string, email: string | null, groups: Array<string> } };

export type UpdateUserMutationVariables = Exact<{
  id: string | number;
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { id: string, name: string, email: string | null, groups: Array<string> } };

export type DeleteUserMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteUserMutation = { deleteUser: { deletedId: string } };

export type CredentialsQueryVariables = Exact<{
  where?: CredentialWhere | null | undefined;
}>;


export type CredentialsQuery = { credentials: { totalCount: number, nodes: Array<{ id: string, provider: CredentialProvider, authType: CredentialAuthType, name: string, hasToken: boolean | null, installationId: number | null, userId: string }> } };

export type CredentialQueryVariables = Exact<{
  id: string | number;
}>;


export type CredentialQuery = { credential: { id: string, provider: CredentialProvider, hasToken: boolean | null, user: { id: string, username: string } } | null };

export type CreateCredentialMutationVariables = Exact<{
  input: CreateCredentialInput;
}>;


export type CreateCredentialMutation = { createCredential: { id: string, provider: CredentialProvider, authType: CredentialAuthType, name: string, url: string | null, hasToken: boolean | null, installationId: number | null } };

export type UpdateCredentialMutationVariables = Exact<{
  id: string | number;
  input: UpdateCredentialInput;
}>;


export type UpdateCredentialMutation = { updateCredential: { id: string, name: string, hasToken: boolean | null } };

export type DeleteCredentialMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteCredentialMutation = { deleteCredential: { deletedId: string } };

export type ServerVersionQueryVariables = Exact<{ [key: string]: never; }>;


export type ServerVersionQuery = { serverVersion: { version: string, buildTime: string, gitTag: string } };

export type WorkflowQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkflowQuery = { workflow: { id: string, databaseId: string, name: string, repoUrl: string | null, branch: string | null, path: string | null, prompt: string | null, projectId: string, agentId: string | null, agent: { id: string, name: string } | null, skills: Array<{ id: string, name: string }>, tasks: Array<{ id: string, name: string }>, workflowSkills: { totalCount: number, nodes: Array<{ id: string, position: number, skill: { id: string, name: string } }> }, sessions: { totalCount: number, nodes: Array<{ id: string, name: string }> } } | null };

export type WorkflowsQueryVariables = Exact<{
  where?: WorkflowWhere | null | undefined;
  orderBy?: Array<WorkflowOrderBy> | WorkflowOrderBy | null | undefined;
}>;


export type WorkflowsQuery = { workflows: { totalCount: number, nodes: Array<{ id: string, name: string, project: { id: string, name: string } }> } };

export type CreateWorkflowMutationVariables = Exact<{
  input: CreateWorkflowInput;
}>;


export type CreateWorkflowMutation = { createWorkflow: { id: string, name: string, agentId: string | null } };

export type UpdateWorkflowMutationVariables = Exact<{
  id: string | number;
  input: UpdateWorkflowInput;
}>;


export type UpdateWorkflowMutation = { updateWorkflow: { id: string, name: string, agentId: string | null, branch: string | null } };

export type DeleteWorkflowMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWorkflowMutation = { deleteWorkflow: { deletedId: string } };

export type AgentsQueryVariables = Exact<{
  where?: AgentWhere | null | undefined;
}>;


export type AgentsQuery = { agents: { totalCount: number, nodes: Array<{ id: string, name: string, prompt: string | null, repoUrl: string | null, workflows: { totalCount: number } }> } };

export type AgentQueryVariables = Exact<{
  id: string | number;
}>;


export type AgentQuery = { agent: { id: string, name: string, prompt: string | null, project: { id: string } } | null };

export type CreateAgentMutationVariables = Exact<{
  input: CreateAgentInput;
}>;


export type CreateAgentMutation = { createAgent: { id: string, name: string, prompt: string | null, repoUrl: string | null } };

export type UpdateAgentMutationVariables = Exact<{
  id: string | number;
  input: UpdateAgentInput;
}>;


export type UpdateAgentMutation = { updateAgent: { id: string, name: string, prompt: string | null } };

export type DeleteAgentMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteAgentMutation = { deleteAgent: { deletedId: string } };

export type SkillsQueryVariables = Exact<{
  where?: SkillWhere | null | undefined;
}>;


export type SkillsQuery = { skills: { totalCount: number, nodes: Array<{ id: string, name: string }> } };

export type SkillQueryVariables = Exact<{
  id: string | number;
}>;


export type SkillQuery = { skill: { id: string, name: string, workflowSkills: { totalCount: number } } | null };

export type CreateSkillMutationVariables = Exact<{
  input: CreateSkillInput;
}>;


export type CreateSkillMutation = { createSkill: { id: string, name: string } };

export type UpdateSkillMutationVariables = Exact<{
  id: string | number;
  input: UpdateSkillInput;
}>;


export type UpdateSkillMutation = { updateSkill: { id: string, name: string, prompt: string | null } };

export type DeleteSkillMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteSkillMutation = { deleteSkill: { deletedId: string } };

export type TasksQueryVariables = Exact<{
  where?: TaskWhere | null | undefined;
}>;


export type TasksQuery = { tasks: { totalCount: number, nodes: Array<{ id: string, name: string }> } };

export type TaskQueryVariables = Exact<{
  id: string | number;
}>;


export type TaskQuery = { task: { id: string, name: string, workflowTasks: { totalCount: number } } | null };

export type CreateTaskMutationVariables = Exact<{
  input: CreateTaskInput;
}>;


export type CreateTaskMutation = { createTask: { id: string, name: string } };

export type UpdateTaskMutationVariables = Exact<{
  id: string | number;
  input: UpdateTaskInput;
}>;


export type UpdateTaskMutation = { updateTask: { id: string, name: string, prompt: string | null } };

export type DeleteTaskMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteTaskMutation = { deleteTask: { deletedId: string } };

export type WorkflowSkillsQueryVariables = Exact<{
  where?: WorkflowSkillWhere | null | undefined;
}>;


export type WorkflowSkillsQuery = { workflowSkills: { totalCount: number, nodes: Array<{ id: string, position: number, workflowId: string, skillId: string }> } };

export type WorkflowSkillQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkflowSkillQuery = { workflowSkill: { id: string, position: number, workflow: { id: string }, skill: { id: string } } | null };

export type CreateWorkflowSkillMutationVariables = Exact<{
  input: CreateWorkflowSkillInput;
}>;


export type CreateWorkflowSkillMutation = { createWorkflowSkill: { id: string, position: number } };

export type UpdateWorkflowSkillMutationVariables = Exact<{
  id: string | number;
  input: UpdateWorkflowSkillInput;
}>;


export type UpdateWorkflowSkillMutation = { updateWorkflowSkill: { id: string, position: number } };

export type DeleteWorkflowSkillMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWorkflowSkillMutation = { deleteWorkflowSkill: { deletedId: string } };

export type WorkflowTasksQueryVariables = Exact<{
  where?: WorkflowTaskWhere | null | undefined;
}>;


export type WorkflowTasksQuery = { workflowTasks: { totalCount: number, nodes: Array<{ id: string, position: number, workflowId: string, taskId: string }> } };

export type WorkflowTaskQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkflowTaskQuery = { workflowTask: { id: string, position: number, task: { id: string } } | null };

export type CreateWorkflowTaskMutationVariables = Exact<{
  input: CreateWorkflowTaskInput;
}>;


export type CreateWorkflowTaskMutation = { createWorkflowTask: { id: string, position: number } };

export type UpdateWorkflowTaskMutationVariables = Exact<{
  id: string | number;
  input: UpdateWorkflowTaskInput;
}>;


export type UpdateWorkflowTaskMutation = { updateWorkflowTask: { id: string, position: number } };

export type DeleteWorkflowTaskMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWorkflowTaskMutation = { deleteWorkflowTask: { deletedId: string } };

export type StartAgentMutationVariables = Exact<{
  agent: string | number;
  prompt?: string | null | undefined;
}>;


export type StartAgentMutation = { startAgent: { id: string, prompt: string | null, phase: SessionPhase | null, agentId: string | null } };

export type AgentIgnitionQueryVariables = Exact<{
  agent: string | number;
}>;


export type AgentIgnitionQuery = { agentIgnition: { startPrompt: string, inboxUnreadCount: number } };

export type ProjectHomeQueryVariables = Exact<{
  project: string | number;
}>;


export type ProjectHomeQuery = { projectHome: Array<{ agentName: string, sessionPhase: string, inboxUnreadCount: number, summary: string }> };

export type SendInboxMessageMutationVariables = Exact<{
  input: CreateInboxMessageInput;
}>;


export type SendInboxMessageMutation = { createInboxMessage: { id: string, body: string, read: boolean } };

export const CredentialHeadFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialHeadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Credential"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"hasToken"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<CredentialHeadFieldsFragment, unknown>;
export const ProjectFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Project"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ProjectFieldsFragment, unknown>;
export const ProjectSettingsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"groupAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repositories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ProjectSettingsFieldsFragment, unknown>;
export const SessionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"repoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"repos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"autoPush"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interactive"}},{"kind":"Field","name":{"kind":"Name","value":"timeout"}},{"kind":"Field","name":{"kind":"Name","value":"llmModel"}},{"kind":"Field","name":{"kind":"Name","value":"llmTemperature"}},{"kind":"Field","name":{"kind":"Name","value":"llmMaxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"workflowId"}},{"kind":"Field","name":{"kind":"Name","value":"assignedUserId"}},{"kind":"Field","name":{"kind":"Name","value":"parentSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"createdByUserId"}},{"kind":"Field","name":{"kind":"Name","value":"botAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"resourceOverrides"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"memory"}},{"kind":"Field","name":{"kind":"Name","value":"storageClass"}},{"kind":"Field","name":{"kind":"Name","value":"priorityClass"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environmentVariables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"completionTime"}},{"kind":"Field","name":{"kind":"Name","value":"sdkSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"sdkRestartCount"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lastTransitionTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciledRepos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clonedAt"}},{"kind":"Field","name":{"kind":"Name","value":"branches"}},{"kind":"Field","name":{"kind":"Name","value":"currentActiveBranch"}},{"kind":"Field","name":{"kind":"Name","value":"defaultBranch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciledWorkflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kubeCrName"}},{"kind":"Field","name":{"kind":"Name","value":"kubeCrUid"}},{"kind":"Field","name":{"kind":"Name","value":"kubeNamespace"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SessionFieldsFragment, unknown>;
export const PermissionsDocument = {"__meta__":{"hash":"sha256:74a7f194bfe71242825ce087fb7f52243f4e0ef08ba72a9ec71a9205870c7b40"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Permissions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PermissionWhere"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PermissionOrderBy"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"permissions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}}]}}]}}]}}]} as unknown as DocumentNode<PermissionsQuery, PermissionsQueryVariables>;
export const PermissionDocument = {"__meta__":{"hash":"sha256:036887a01fee486e155e3755646cb708e489c4441eb2f00beddde1f394f781c5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Permission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"permission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PermissionQuery, PermissionQueryVariables>;
export const CreatePermissionDocument = {"__meta__":{"hash":"sha256:173e2fad8070932805956fa6534fbfc22a1712c9cc297cd905265f8f42597ff2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePermission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePermissionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPermission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<CreatePermissionMutation, CreatePermissionMutationVariables>;
export const UpdatePermissionDocument = {"__meta__":{"hash":"sha256:5253590ea395c6dc076178eb8cca477ace61e2d4a7422ef8b470d4e910a5ccac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePermission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePermissionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePermission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<UpdatePermissionMutation, UpdatePermissionMutationVariables>;
export const DeletePermissionDocument = {"__meta__":{"hash":"sha256:b46f8c830a4c79d8b0f3f840a455619a54073617229418ac938e19e042a1d76e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeletePermission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePermission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeletePermissionMutation, DeletePermissionMutationVariables>;
export const ProjectKeysDocument = {"__meta__":{"hash":"sha256:4d8bcb127301eec89ed3d52495cd101bef19d6c00198909ef672343d4cffca57"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectKeyWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"creator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProjectKeysQuery, ProjectKeysQueryVariables>;
export const ProjectKeyDocument = {"__meta__":{"hash":"sha256:3b7acdc2716a0df43a3b60b69a2c93f1d3afc9cfe013de8d3c585ab2a3a00636"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]} as unknown as DocumentNode<ProjectKeyQuery, ProjectKeyQueryVariables>;
export const CreateProjectKeyDocument = {"__meta__":{"hash":"sha256:5899f4352ef73139d692ff629f8685b93109154db2f30bfa90544b574bc92073"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProjectKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProjectKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]} as unknown as DocumentNode<CreateProjectKeyMutation, CreateProjectKeyMutationVariables>;
export const UpdateProjectKeyDocument = {"__meta__":{"hash":"sha256:f93cee6c006311c7859e6e1df94f8b9458111450436096d936670ab87bb90c5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProjectKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProjectKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProjectKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<UpdateProjectKeyMutation, UpdateProjectKeyMutationVariables>;
export const DeleteProjectKeyDocument = {"__meta__":{"hash":"sha256:965fc1a8b3b6fd27560bb6b993119a9c6fff4252802a4451bca7c6cb3352c137"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteProjectKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteProjectKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteProjectKeyMutation, DeleteProjectKeyMutationVariables>;
export const RepositoryRefsDocument = {"__meta__":{"hash":"sha256:c2efabbba48c08015c1e6be6240a9e4b07176540fc5a22d95966897190e8cfb1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RepositoryRefs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RepositoryRefWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repositoryRefs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"repoName"}}]}}]}}]}}]} as unknown as DocumentNode<RepositoryRefsQuery, RepositoryRefsQueryVariables>;
export const RepositoryRefDocument = {"__meta__":{"hash":"sha256:c4eb7bfee7180934d990ed882901faf646affc6460855b861636c7e3512e3185"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RepositoryRef"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repositoryRef"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<RepositoryRefQuery, RepositoryRefQueryVariables>;
export const CreateRepositoryRefDocument = {"__meta__":{"hash":"sha256:4ec17a8343b508c8de725c0a0ae6cd1d438602020eb7954edc8889a7c8aeca64"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRepositoryRef"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRepositoryRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRepositoryRef"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"repoName"}}]}}]}}]} as unknown as DocumentNode<CreateRepositoryRefMutation, CreateRepositoryRefMutationVariables>;
export const UpdateRepositoryRefDocument = {"__meta__":{"hash":"sha256:fd7c348f41c6e6f1f3547f80bbbc8c331c06862ee3f5af3fa167e8da581f7cc6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateRepositoryRef"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateRepositoryRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRepositoryRef"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}}]}}]}}]} as unknown as DocumentNode<UpdateRepositoryRefMutation, UpdateRepositoryRefMutationVariables>;
export const DeleteRepositoryRefDocument = {"__meta__":{"hash":"sha256:54cd84eb0eb75901e3f11c154efd787e81a58842f7ba10933948c02984868ef8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteRepositoryRef"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteRepositoryRef"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteRepositoryRefMutation, DeleteRepositoryRefMutationVariables>;
export const NodeDocument = {"__meta__":{"hash":"sha256:53ae86d9925bbfe61dd6e642b096e8c096f60739b4634c0cb652ba87544e4cc2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Node"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Project"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<NodeQuery, NodeQueryVariables>;
export const ProjectPromptDocument = {"__meta__":{"hash":"sha256:fc38990b23550c84ce08fe77a5160c334219462146f3277a60ebee61b17340fa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectPrompt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectByName"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}}]}}]}}]} as unknown as DocumentNode<ProjectPromptQuery, ProjectPromptQueryVariables>;
export const CreateProjectWithPromptDocument = {"__meta__":{"hash":"sha256:525eeb30df2404e956664c9a565291fb0654a5f6e0b3518ebd0652efb4e68090"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProjectWithPrompt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}}]}}]}}]} as unknown as DocumentNode<CreateProjectWithPromptMutation, CreateProjectWithPromptMutationVariables>;
export const UpdateProjectPromptDocument = {"__meta__":{"hash":"sha256:b207ce1be5e9fab4eb3ac31478e7f54e4c533f2b4dd138dc56c662b70ed22e4b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProjectPrompt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"prompt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"prompt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"prompt"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}}]}}]}}]} as unknown as DocumentNode<UpdateProjectPromptMutation, UpdateProjectPromptMutationVariables>;
export const CreateHeadCredentialDocument = {"__meta__":{"hash":"sha256:932f92e54d039de65d7720d5ce66f31748791653ea975a8806821b9bccf78690"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateHeadCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCredentialInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CredentialHeadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialHeadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Credential"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"hasToken"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<CreateHeadCredentialMutation, CreateHeadCredentialMutationVariables>;
export const UpdateHeadCredentialDocument = {"__meta__":{"hash":"sha256:3f68e6e49332409591f034bc680f76aed924ccfe2766d70cd4bd65711d83bc58"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateHeadCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCredentialInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CredentialHeadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialHeadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Credential"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"hasToken"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<UpdateHeadCredentialMutation, UpdateHeadCredentialMutationVariables>;
export const HeadCredentialDocument = {"__meta__":{"hash":"sha256:1eb36e69fb2a7e8874dc57e2c2ce6cf228458a728ddf426606af17a1117909cc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HeadCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CredentialHeadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CredentialHeadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Credential"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"hasToken"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<HeadCredentialQuery, HeadCredentialQueryVariables>;
export const AgentSessionsDocument = {"__meta__":{"hash":"sha256:d13abbabd07f3449eedd859a7925aac051fccea2d32b36b38190f5e1b1ce4d50"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currentSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"inbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"read"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgentSessionsQuery, AgentSessionsQueryVariables>;
export const MarkInboxMessageDocument = {"__meta__":{"hash":"sha256:4933eb25823de6cbcccd37a0c714ef125f7f261b21c95d500b396cc33aa817f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkInboxMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"read"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateInboxMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"read"},"value":{"kind":"Variable","name":{"kind":"Name","value":"read"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"read"}}]}}]}}]} as unknown as DocumentNode<MarkInboxMessageMutation, MarkInboxMessageMutationVariables>;
export const DeleteInboxMessageDocument = {"__meta__":{"hash":"sha256:448b3e22dc1441dd39483e3fb6ef6a58fbea4ac633b68711b115d63a1eefbd14"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteInboxMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteInboxMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteInboxMessageMutation, DeleteInboxMessageMutationVariables>;
export const ProjectsDocument = {"__meta__":{"hash":"sha256:4f58c8b71470c4e089143002c99c310e4a288e411a435e8c78727f9987a247d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Projects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectWhere"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectOrderBy"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Project"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ProjectsQuery, ProjectsQueryVariables>;
export const ProjectsWithLatestSessionsDocument = {"__meta__":{"hash":"sha256:a26780357d1cf5d2cf8c655bcd1425dbd9ac77a37b7349c7ddc6506c27d02e18"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectsWithLatestSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessions"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"NAME"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessions"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"CREATED_AT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProjectsWithLatestSessionsQuery, ProjectsWithLatestSessionsQueryVariables>;
export const ProjectDocument = {"__meta__":{"hash":"sha256:3565aadd09c05fb7e41ade60c63d00701007cd3511d115f774eb581a81aaea77"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Project"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"project"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectFields"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectSettingsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"workflows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Project"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"groupAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repositories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ProjectQuery, ProjectQueryVariables>;
export const ProjectByNameDocument = {"__meta__":{"hash":"sha256:a53fcba3e38ed88952c8afd15e21fec04b52f670aa7018a2150829647fd1b145"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectByName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectByName"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Project"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ProjectByNameQuery, ProjectByNameQueryVariables>;
export const CreateProjectDocument = {"__meta__":{"hash":"sha256:7ca28a7fae92aee91ee4e2d382806e83fdda62962f51d118794e2198e3596a86"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Project"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateProjectMutation, CreateProjectMutationVariables>;
export const UpdateProjectDocument = {"__meta__":{"hash":"sha256:3e2c5b16bf73444ec19ed2e722d17aa9cedf5b74ec0e0c643c90f0a90551d90a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Project"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateProjectMutation, UpdateProjectMutationVariables>;
export const DeleteProjectDocument = {"__meta__":{"hash":"sha256:3f94ccdab2a1444ca2384d1deb0ee0260593841e91548ddbaad54b8e843d8540"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteProjectMutation, DeleteProjectMutationVariables>;
export const AllProjectSettingsDocument = {"__meta__":{"hash":"sha256:ccbe6111a45ad8278b7d6bcaa719a149328d2a75a06599bd4ac4220e80609556"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AllProjectSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectSettingsWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allProjectSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectSettingsFields"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"groupAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repositories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<AllProjectSettingsQuery, AllProjectSettingsQueryVariables>;
export const ProjectSettingsDocument = {"__meta__":{"hash":"sha256:b1eec56b8a73146ef5ef54142ec5453afe4c11ffe9c016a20564cb54d5804410"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectSettingsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"groupAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repositories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ProjectSettingsQuery, ProjectSettingsQueryVariables>;
export const CreateProjectSettingsDocument = {"__meta__":{"hash":"sha256:c9ff1700237c2fb68fb0c1248c6537d716d3ed8d1cb7a69d454ed454fdea73e0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProjectSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProjectSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectSettingsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"groupAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repositories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateProjectSettingsMutation, CreateProjectSettingsMutationVariables>;
export const UpdateProjectSettingsDocument = {"__meta__":{"hash":"sha256:cdbbcb6c337095d77c3cffbe58a227d9b84b7630e546f920a5fdec46d8135da4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProjectSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProjectSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProjectSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectSettingsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"groupAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repositories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateProjectSettingsMutation, UpdateProjectSettingsMutationVariables>;
export const DeleteProjectSettingsDocument = {"__meta__":{"hash":"sha256:48e974b304dd58ff9d06228faccdf2612b23932598e4f146e978eace4d0e4ff5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteProjectSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteProjectSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteProjectSettingsMutation, DeleteProjectSettingsMutationVariables>;
export const SessionsDocument = {"__meta__":{"hash":"sha256:06aae2f3bd2aad99fcb5bb25dd85fe650368c3c7f159fe57058f5ca1053a9eba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SessionWhere"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SessionOrderBy"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"llmModel"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SessionsQuery, SessionsQueryVariables>;
export const SessionDocument = {"__meta__":{"hash":"sha256:ca0029a3dee28c5877e13f881a7dd23bb49b93297b6764ca7a9b7a41e19e10dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Session"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"repoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"repos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"autoPush"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interactive"}},{"kind":"Field","name":{"kind":"Name","value":"timeout"}},{"kind":"Field","name":{"kind":"Name","value":"llmModel"}},{"kind":"Field","name":{"kind":"Name","value":"llmTemperature"}},{"kind":"Field","name":{"kind":"Name","value":"llmMaxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"workflowId"}},{"kind":"Field","name":{"kind":"Name","value":"assignedUserId"}},{"kind":"Field","name":{"kind":"Name","value":"parentSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"createdByUserId"}},{"kind":"Field","name":{"kind":"Name","value":"botAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"resourceOverrides"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"memory"}},{"kind":"Field","name":{"kind":"Name","value":"storageClass"}},{"kind":"Field","name":{"kind":"Name","value":"priorityClass"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environmentVariables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"completionTime"}},{"kind":"Field","name":{"kind":"Name","value":"sdkSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"sdkRestartCount"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lastTransitionTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciledRepos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clonedAt"}},{"kind":"Field","name":{"kind":"Name","value":"branches"}},{"kind":"Field","name":{"kind":"Name","value":"currentActiveBranch"}},{"kind":"Field","name":{"kind":"Name","value":"defaultBranch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciledWorkflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kubeCrName"}},{"kind":"Field","name":{"kind":"Name","value":"kubeCrUid"}},{"kind":"Field","name":{"kind":"Name","value":"kubeNamespace"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SessionQuery, SessionQueryVariables>;
export const CreateSessionDocument = {"__meta__":{"hash":"sha256:fdc8061c1f33b844e75711962a02cd1a172c70d38b64f66e21bc45e238bc26a6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"repoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"repos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"autoPush"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interactive"}},{"kind":"Field","name":{"kind":"Name","value":"timeout"}},{"kind":"Field","name":{"kind":"Name","value":"llmModel"}},{"kind":"Field","name":{"kind":"Name","value":"llmTemperature"}},{"kind":"Field","name":{"kind":"Name","value":"llmMaxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"workflowId"}},{"kind":"Field","name":{"kind":"Name","value":"assignedUserId"}},{"kind":"Field","name":{"kind":"Name","value":"parentSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"createdByUserId"}},{"kind":"Field","name":{"kind":"Name","value":"botAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"resourceOverrides"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"memory"}},{"kind":"Field","name":{"kind":"Name","value":"storageClass"}},{"kind":"Field","name":{"kind":"Name","value":"priorityClass"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environmentVariables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"completionTime"}},{"kind":"Field","name":{"kind":"Name","value":"sdkSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"sdkRestartCount"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lastTransitionTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciledRepos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clonedAt"}},{"kind":"Field","name":{"kind":"Name","value":"branches"}},{"kind":"Field","name":{"kind":"Name","value":"currentActiveBranch"}},{"kind":"Field","name":{"kind":"Name","value":"defaultBranch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciledWorkflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kubeCrName"}},{"kind":"Field","name":{"kind":"Name","value":"kubeCrUid"}},{"kind":"Field","name":{"kind":"Name","value":"kubeNamespace"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateSessionMutation, CreateSessionMutationVariables>;
export const UpdateSessionDocument = {"__meta__":{"hash":"sha256:c761b0ebc05696f50aee07a7f109639baefca026106629abd2d3bdf22fe14cc8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"repoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"repos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"autoPush"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interactive"}},{"kind":"Field","name":{"kind":"Name","value":"timeout"}},{"kind":"Field","name":{"kind":"Name","value":"llmModel"}},{"kind":"Field","name":{"kind":"Name","value":"llmTemperature"}},{"kind":"Field","name":{"kind":"Name","value":"llmMaxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"workflowId"}},{"kind":"Field","name":{"kind":"Name","value":"assignedUserId"}},{"kind":"Field","name":{"kind":"Name","value":"parentSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"createdByUserId"}},{"kind":"Field","name":{"kind":"Name","value":"botAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"resourceOverrides"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"memory"}},{"kind":"Field","name":{"kind":"Name","value":"storageClass"}},{"kind":"Field","name":{"kind":"Name","value":"priorityClass"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environmentVariables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"completionTime"}},{"kind":"Field","name":{"kind":"Name","value":"sdkSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"sdkRestartCount"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lastTransitionTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciledRepos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clonedAt"}},{"kind":"Field","name":{"kind":"Name","value":"branches"}},{"kind":"Field","name":{"kind":"Name","value":"currentActiveBranch"}},{"kind":"Field","name":{"kind":"Name","value":"defaultBranch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciledWorkflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kubeCrName"}},{"kind":"Field","name":{"kind":"Name","value":"kubeCrUid"}},{"kind":"Field","name":{"kind":"Name","value":"kubeNamespace"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateSessionMutation, UpdateSessionMutationVariables>;
export const DeleteSessionDocument = {"__meta__":{"hash":"sha256:3646f29c4881b5d4ba334de911fe71e4e47397a3586caebb5bacf008b55ca2b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteSessionMutation, DeleteSessionMutationVariables>;
export const StartSessionDocument = {"__meta__":{"hash":"sha256:78e4dbe11f71fca4e7edd95ef53864ff0a5dde5e6efd4fea42ffd8b90350e0b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"completionTime"}}]}}]}}]} as unknown as DocumentNode<StartSessionMutation, StartSessionMutationVariables>;
export const StopSessionDocument = {"__meta__":{"hash":"sha256:9914fc77dbdb10e36f8eaf71a27a87e1c59cdd211f825bfcd9b1d80bb1f1a086"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StopSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}}]}}]} as unknown as DocumentNode<StopSessionMutation, StopSessionMutationVariables>;
export const CloneSessionDocument = {"__meta__":{"hash":"sha256:2b12c49043012d877d50fee6e1a4b604a45f892f793b1be4b9cf30f49b8fdf88"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloneSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CloneSessionInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cloneSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"repoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"repos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"autoPush"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interactive"}},{"kind":"Field","name":{"kind":"Name","value":"timeout"}},{"kind":"Field","name":{"kind":"Name","value":"llmModel"}},{"kind":"Field","name":{"kind":"Name","value":"llmTemperature"}},{"kind":"Field","name":{"kind":"Name","value":"llmMaxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"workflowId"}},{"kind":"Field","name":{"kind":"Name","value":"assignedUserId"}},{"kind":"Field","name":{"kind":"Name","value":"parentSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"createdByUserId"}},{"kind":"Field","name":{"kind":"Name","value":"botAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"resourceOverrides"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"memory"}},{"kind":"Field","name":{"kind":"Name","value":"storageClass"}},{"kind":"Field","name":{"kind":"Name","value":"priorityClass"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environmentVariables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"completionTime"}},{"kind":"Field","name":{"kind":"Name","value":"sdkSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"sdkRestartCount"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lastTransitionTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciledRepos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clonedAt"}},{"kind":"Field","name":{"kind":"Name","value":"branches"}},{"kind":"Field","name":{"kind":"Name","value":"currentActiveBranch"}},{"kind":"Field","name":{"kind":"Name","value":"defaultBranch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciledWorkflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kubeCrName"}},{"kind":"Field","name":{"kind":"Name","value":"kubeCrUid"}},{"kind":"Field","name":{"kind":"Name","value":"kubeNamespace"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CloneSessionMutation, CloneSessionMutationVariables>;
export const AddSessionRepoDocument = {"__meta__":{"hash":"sha256:cd83a4baacdda82e4dd383045df6975bc470ee6f88a2d551a6679d2f6e872376"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddSessionRepo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SessionRepoInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addSessionRepo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"repos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"autoPush"}}]}}]}}]}}]} as unknown as DocumentNode<AddSessionRepoMutation, AddSessionRepoMutationVariables>;
export const RemoveSessionRepoDocument = {"__meta__":{"hash":"sha256:c29e8a45b84ba667781270653d3260bbe62a8fb58852edc0e154bd997cba040e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveSessionRepo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeSessionRepo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"repos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveSessionRepoMutation, RemoveSessionRepoMutationVariables>;
export const SelectSessionWorkflowDocument = {"__meta__":{"hash":"sha256:de34d4f6e846937d57da6e613d90d021d0309aaef64eabce8d1b421f33535f00"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SelectSessionWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SelectSessionWorkflowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"selectSessionWorkflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"repoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<SelectSessionWorkflowMutation, SelectSessionWorkflowMutationVariables>;
export const UpdateSessionStatusDocument = {"__meta__":{"hash":"sha256:8b7990d0f6948c337fa7ec793d054cf7edb0f461304da98b2659800111674cbe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSessionStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SessionStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSessionStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"repoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"repos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"autoPush"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interactive"}},{"kind":"Field","name":{"kind":"Name","value":"timeout"}},{"kind":"Field","name":{"kind":"Name","value":"llmModel"}},{"kind":"Field","name":{"kind":"Name","value":"llmTemperature"}},{"kind":"Field","name":{"kind":"Name","value":"llmMaxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"workflowId"}},{"kind":"Field","name":{"kind":"Name","value":"assignedUserId"}},{"kind":"Field","name":{"kind":"Name","value":"parentSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"createdByUserId"}},{"kind":"Field","name":{"kind":"Name","value":"botAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"resourceOverrides"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"memory"}},{"kind":"Field","name":{"kind":"Name","value":"storageClass"}},{"kind":"Field","name":{"kind":"Name","value":"priorityClass"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environmentVariables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"completionTime"}},{"kind":"Field","name":{"kind":"Name","value":"sdkSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"sdkRestartCount"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lastTransitionTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciledRepos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clonedAt"}},{"kind":"Field","name":{"kind":"Name","value":"branches"}},{"kind":"Field","name":{"kind":"Name","value":"currentActiveBranch"}},{"kind":"Field","name":{"kind":"Name","value":"defaultBranch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciledWorkflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kubeCrName"}},{"kind":"Field","name":{"kind":"Name","value":"kubeCrUid"}},{"kind":"Field","name":{"kind":"Name","value":"kubeNamespace"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateSessionStatusMutation, UpdateSessionStatusMutationVariables>;
export const SetSessionModelDocument = {"__meta__":{"hash":"sha256:80abb369fcd030c7088fb03a05a18e0e71cc6c2d7e267f259bae1e84dd725eb0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetSessionModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSessionModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"llmModel"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SetSessionModelMutation, SetSessionModelMutationVariables>;
export const SessionMessagesDocument = {"__meta__":{"hash":"sha256:aa56bb2d9242bcfdf2a5b0a37e099386d0279d33ffb4681f6cac63841ea931a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"session"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"session"},"value":{"kind":"Variable","name":{"kind":"Name","value":"session"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSeq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<SessionMessagesQuery, SessionMessagesQueryVariables>;
export const PushSessionMessageDocument = {"__meta__":{"hash":"sha256:a939852a880e9bc8503f2f9beeea45d2fe0fd3648f0ed0d51d18234d0f86c4fe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PushSessionMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"session"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventType"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"payload"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pushSessionMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"session"},"value":{"kind":"Variable","name":{"kind":"Name","value":"session"}}},{"kind":"Argument","name":{"kind":"Name","value":"eventType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventType"}}},{"kind":"Argument","name":{"kind":"Name","value":"payload"},"value":{"kind":"Variable","name":{"kind":"Name","value":"payload"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]} as unknown as DocumentNode<PushSessionMessageMutation, PushSessionMessageMutationVariables>;
export const SessionChangedDocument = {"__meta__":{"hash":"sha256:465f1185666cc77e961b08333b753f8d7a84fae3aa49aaee84327c5c49996cae"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SessionChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"completionTime"}},{"kind":"Field","name":{"kind":"Name","value":"llmModel"}},{"kind":"Field","name":{"kind":"Name","value":"repos"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SessionChangedSubscription, SessionChangedSubscriptionVariables>;
export const ProjectSessionsChangedDocument = {"__meta__":{"hash":"sha256:5e58692dc5617d10fa767cb006c0a441c2c8b41083fef4fd14d77411b75b5b1f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ProjectSessionsChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"project"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SessionWhere"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectSessionsChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"project"},"value":{"kind":"Variable","name":{"kind":"Name","value":"project"}}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"llmModel"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProjectSessionsChangedSubscription, ProjectSessionsChangedSubscriptionVariables>;
export const SessionPhaseChangedDocument = {"__meta__":{"hash":"sha256:c1f4dbb8d24e0d2dc7de07f3aad41c423403f96e731d7005725273c6fd4f2bd4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SessionPhaseChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"project"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionPhaseChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"project"},"value":{"kind":"Variable","name":{"kind":"Name","value":"project"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"previousPhase"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SessionPhaseChangedSubscription, SessionPhaseChangedSubscriptionVariables>;
export const ChangesDocument = {"__meta__":{"hash":"sha256:b609551539d33b4d1b7f4b54c3af85e799c6e385ca0910af112f7a0a8b1f8466"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Changes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"KindName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"project"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"project"},"value":{"kind":"Variable","name":{"kind":"Name","value":"project"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"object"}}]}}]}}]} as unknown as DocumentNode<ChangesSubscription, ChangesSubscriptionVariables>;
export const ViewerDocument = {"__meta__":{"hash":"sha256:563dd40f54ba30e27939679432d8f7a235aab12d9a11fe3bd60f2c7348520e53"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}},{"kind":"Field","name":{"kind":"Name","value":"credentials"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"hasToken"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const UsersDocument = {"__meta__":{"hash":"sha256:7d1e1c279eba6e120ae2de72883f49f05d663e43d43473c4acefe0a4dc236c2a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserWhere"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UserOrderBy"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}}]}}]}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const UserDocument = {"__meta__":{"hash":"sha256:675456c5c04355e344a0a5f9713650b1d73d6f3162a7bf4cd6d2ec3dad17ae13"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"User"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdSessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedSessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<UserQuery, UserQueryVariables>;
export const UserByUsernameDocument = {"__meta__":{"hash":"sha256:a64beb62e8d40ae39b6e1272588594fb9c234011743879e8d110aa55d167808a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserByUsername"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userByUsername"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<UserByUsernameQuery, UserByUsernameQueryVariables>;
export const CreateUserDocument = {"__meta__":{"hash":"sha256:806ff8ad2851d4f25107d6088c50752f73e2e4cbd8946aa3eb5d658e96408c11"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}}]}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = {"__meta__":{"hash":"sha256:38815e62cc7106b0d77eadca2dc9416bea4e987f8c52f7173ab047363b4fca9c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}}]}}]}}]} as unknown as DocumentNode<UpdateUserMutation, UpdateUserMutationVariables>;
export const DeleteUserDocument = {"__meta__":{"hash":"sha256:747b22cc74aa66d2f2b5c0b7dec6b3e1ac3764be15c3a8b70a9bfd3ef1b19149"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteUserMutation, DeleteUserMutationVariables>;
export const CredentialsDocument = {"__meta__":{"hash":"sha256:e426373b72dae4d1b1b4e5df08c300f4e2e1a537d613eac54624e30f59f8b17c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Credentials"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CredentialWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credentials"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"authType"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hasToken"}},{"kind":"Field","name":{"kind":"Name","value":"installationId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]}}]} as unknown as DocumentNode<CredentialsQuery, CredentialsQueryVariables>;
export const CredentialDocument = {"__meta__":{"hash":"sha256:83016825468e18f6e8ae499cf0cc8dd6be2f009368ca72289d9ef7c7d6afc4fc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Credential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"hasToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<CredentialQuery, CredentialQueryVariables>;
export const CreateCredentialDocument = {"__meta__":{"hash":"sha256:56bde89ea3d2bf589ddb9b5143ba4c40944f3e194a0a49f33b636732d33ff690"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCredentialInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"authType"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"hasToken"}},{"kind":"Field","name":{"kind":"Name","value":"installationId"}}]}}]}}]} as unknown as DocumentNode<CreateCredentialMutation, CreateCredentialMutationVariables>;
export const UpdateCredentialDocument = {"__meta__":{"hash":"sha256:81b2f92392a6d3e68953bc873aeecd94df85e3fc28b28330374221698e63bcbb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCredentialInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hasToken"}}]}}]}}]} as unknown as DocumentNode<UpdateCredentialMutation, UpdateCredentialMutationVariables>;
export const DeleteCredentialDocument = {"__meta__":{"hash":"sha256:4d12f12447498b8a6c3d3090cdc1e7b18cc7c2e1111e0e436065b22580b3c0ea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteCredentialMutation, DeleteCredentialMutationVariables>;
export const ServerVersionDocument = {"__meta__":{"hash":"sha256:9009675f1e57251b6ce7ad2cdfada3b1af12ba061f298f575ed262ded9a5a30a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServerVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"buildTime"}},{"kind":"Field","name":{"kind":"Name","value":"gitTag"}}]}}]}}]} as unknown as DocumentNode<ServerVersionQuery, ServerVersionQueryVariables>;
export const WorkflowDocument = {"__meta__":{"hash":"sha256:b669a5275d4f3f23d918a2019932ccbfc9851067f81656f2ccc1530ea4c3cf6e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Workflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"repoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"skills"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workflowSkills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"skill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowQuery, WorkflowQueryVariables>;
export const WorkflowsDocument = {"__meta__":{"hash":"sha256:3be8902552e2fd7e6008d01937be127db099544c02890343f15f612c3dfca150"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Workflows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowWhere"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowOrderBy"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowsQuery, WorkflowsQueryVariables>;
export const CreateWorkflowDocument = {"__meta__":{"hash":"sha256:d371f158c80fbec73a62af8d3e03c14cfca3299e296aaf6ef7b130aaa52930d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWorkflowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWorkflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}}]}}]}}]} as unknown as DocumentNode<CreateWorkflowMutation, CreateWorkflowMutationVariables>;
export const UpdateWorkflowDocument = {"__meta__":{"hash":"sha256:cb911c1c0775cf96829deea22cd37ee5b05e8f875f0461b7062f3122fef3f461"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWorkflowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWorkflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}}]}}]}}]} as unknown as DocumentNode<UpdateWorkflowMutation, UpdateWorkflowMutationVariables>;
export const DeleteWorkflowDocument = {"__meta__":{"hash":"sha256:c1d25c8363619b594dc2f916df7ab2459a104788f21f2d23335a73eefbf5679f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWorkflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteWorkflowMutation, DeleteWorkflowMutationVariables>;
export const AgentsDocument = {"__meta__":{"hash":"sha256:679cba1b755f208a3f8acc4a3ad23d7e9c30d4e0ce1fb3ebadbd87b5c0225c1d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Agents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AgentWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"repoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"workflows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgentsQuery, AgentsQueryVariables>;
export const AgentDocument = {"__meta__":{"hash":"sha256:61feda28bb92caac8ef73e87adf8200fe1e7922189be7c83ecedcc29b1a2e78e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Agent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AgentQuery, AgentQueryVariables>;
export const CreateAgentDocument = {"__meta__":{"hash":"sha256:0b749867338c8656c8fe414386824225ddab6fe40d700467b8e7ced36821f0e1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAgentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"repoUrl"}}]}}]}}]} as unknown as DocumentNode<CreateAgentMutation, CreateAgentMutationVariables>;
export const UpdateAgentDocument = {"__meta__":{"hash":"sha256:be6dff5399a0c07dc3733aae21c56dee0c37a3a6372e24fbf46b6d59051cf8ac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAgentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}}]}}]}}]} as unknown as DocumentNode<UpdateAgentMutation, UpdateAgentMutationVariables>;
export const DeleteAgentDocument = {"__meta__":{"hash":"sha256:63f56fbe5423960e8fc1992ec82d35f6bc4e1e5881659575103c3268494f1d56"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteAgentMutation, DeleteAgentMutationVariables>;
export const SkillsDocument = {"__meta__":{"hash":"sha256:2831df90fde585c55d8509ed67331e98a2a3866b50f3d3ab3b91cc76acb1f7a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Skills"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SkillWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SkillsQuery, SkillsQueryVariables>;
export const SkillDocument = {"__meta__":{"hash":"sha256:d5c1ab64551b0ec2a63241bd3c84ccd96806424d851c7b71960ee9a82dcdb665"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Skill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"workflowSkills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<SkillQuery, SkillQueryVariables>;
export const CreateSkillDocument = {"__meta__":{"hash":"sha256:74feab1549ff7493ab2fc9e801d36d093d332aae480f102948371d1d16a215d9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSkill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSkillInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSkill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateSkillMutation, CreateSkillMutationVariables>;
export const UpdateSkillDocument = {"__meta__":{"hash":"sha256:51483a5f295fb27ee724569df3b6dd18844479100a3144aabe146ef5a678b750"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSkill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSkillInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSkill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}}]}}]}}]} as unknown as DocumentNode<UpdateSkillMutation, UpdateSkillMutationVariables>;
export const DeleteSkillDocument = {"__meta__":{"hash":"sha256:4c4233e355945189a667ee93df8a3252ae593a89e49dd67eb35c4448b031c73c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSkill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSkill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteSkillMutation, DeleteSkillMutationVariables>;
export const TasksDocument = {"__meta__":{"hash":"sha256:16bc23625d0bc93791b1a00ffaa5ad71515e4f2d246846cb1caa20728120c833"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TaskWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<TasksQuery, TasksQueryVariables>;
export const TaskDocument = {"__meta__":{"hash":"sha256:c61864db226970c77eee8044484975fb8b137a97d4aa6e6b8499920d91353a3b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Task"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"workflowTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<TaskQuery, TaskQueryVariables>;
export const CreateTaskDocument = {"__meta__":{"hash":"sha256:a587a1991bea2b2a5aa4d66ca857908cee02ce69a1c7d4f1363f6e3eea56c455"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateTaskMutation, CreateTaskMutationVariables>;
export const UpdateTaskDocument = {"__meta__":{"hash":"sha256:d264eb2771aea9653622145c6375ef5e67e6f04bac46493fbc44ecbc267cca5f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}}]}}]}}]} as unknown as DocumentNode<UpdateTaskMutation, UpdateTaskMutationVariables>;
export const DeleteTaskDocument = {"__meta__":{"hash":"sha256:8d430bea73cbfbe5043de1bd1ef1ab06058a93c7f194b25a468656d2b0f1d19b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteTaskMutation, DeleteTaskMutationVariables>;
export const WorkflowSkillsDocument = {"__meta__":{"hash":"sha256:3c75016894f55b8c8b4cb567ec0b27d0b5a3a5c0b362af69560389fff56c825d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkflowSkills"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowSkillWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflowSkills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"workflowId"}},{"kind":"Field","name":{"kind":"Name","value":"skillId"}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowSkillsQuery, WorkflowSkillsQueryVariables>;
export const WorkflowSkillDocument = {"__meta__":{"hash":"sha256:8b2b00d5bcb10535b76aa45bd982a7672bef02577416b6b9b8144114a3ff49b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkflowSkill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflowSkill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"skill"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowSkillQuery, WorkflowSkillQueryVariables>;
export const CreateWorkflowSkillDocument = {"__meta__":{"hash":"sha256:32586dda5584877dda803cd851898a0d7ed71d1f7084a34baa0a5ccd73188e53"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWorkflowSkill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWorkflowSkillInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWorkflowSkill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<CreateWorkflowSkillMutation, CreateWorkflowSkillMutationVariables>;
export const UpdateWorkflowSkillDocument = {"__meta__":{"hash":"sha256:d003a28a535078cda33a08a5ce19b140e01d34a849aa882a6588866d92e09133"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWorkflowSkill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWorkflowSkillInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWorkflowSkill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<UpdateWorkflowSkillMutation, UpdateWorkflowSkillMutationVariables>;
export const DeleteWorkflowSkillDocument = {"__meta__":{"hash":"sha256:a5532cc5a1b578dfabea075d18a04b8ec876d9fc260768852836af454f8d2205"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWorkflowSkill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWorkflowSkill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteWorkflowSkillMutation, DeleteWorkflowSkillMutationVariables>;
export const WorkflowTasksDocument = {"__meta__":{"hash":"sha256:703a23bfdf59aa58d7a661ef62f35f52695cc7a2e05d3e9e3015b0eb370386cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkflowTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowTaskWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflowTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"workflowId"}},{"kind":"Field","name":{"kind":"Name","value":"taskId"}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowTasksQuery, WorkflowTasksQueryVariables>;
export const WorkflowTaskDocument = {"__meta__":{"hash":"sha256:38a6da6a01ed391572637e60e749563f399de33b9edb7261c203102497dd83b0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkflowTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflowTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowTaskQuery, WorkflowTaskQueryVariables>;
export const CreateWorkflowTaskDocument = {"__meta__":{"hash":"sha256:e3ed7f9f491be2dd52351919b67ddf0223490121092549f7522f79006665aae5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWorkflowTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWorkflowTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWorkflowTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<CreateWorkflowTaskMutation, CreateWorkflowTaskMutationVariables>;
export const UpdateWorkflowTaskDocument = {"__meta__":{"hash":"sha256:9a9218a9a370dbc0591d7724a850a615d62554a9308c11aaa860df0071cdc287"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWorkflowTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWorkflowTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWorkflowTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<UpdateWorkflowTaskMutation, UpdateWorkflowTaskMutationVariables>;
export const DeleteWorkflowTaskDocument = {"__meta__":{"hash":"sha256:f947805dce40d63fee08874c0b82183863e869ac0ca6d57f79b0860fe295fda1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWorkflowTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWorkflowTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteWorkflowTaskMutation, DeleteWorkflowTaskMutationVariables>;
export const StartAgentDocument = {"__meta__":{"hash":"sha256:3257f747ffd0809a248695a3b123ae3a4b9d346e7462f4cc9794af381d67ed27"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agent"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"prompt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"agent"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agent"}}},{"kind":"Argument","name":{"kind":"Name","value":"prompt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"prompt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}}]}}]}}]} as unknown as DocumentNode<StartAgentMutation, StartAgentMutationVariables>;
export const AgentIgnitionDocument = {"__meta__":{"hash":"sha256:cede258d799f6d41aac6eaaa4916fc4f9822fe8c0c25d3bb16a8ab84387cb637"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentIgnition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agent"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentIgnition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"agent"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agent"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPrompt"}},{"kind":"Field","name":{"kind":"Name","value":"inboxUnreadCount"}}]}}]}}]} as unknown as DocumentNode<AgentIgnitionQuery, AgentIgnitionQueryVariables>;
export const ProjectHomeDocument = {"__meta__":{"hash":"sha256:079ea5d0c7134d887bfec298e9f956e7a4954d45985415b1d0af17fbc994b91f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectHome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"project"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectHome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"project"},"value":{"kind":"Variable","name":{"kind":"Name","value":"project"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"sessionPhase"}},{"kind":"Field","name":{"kind":"Name","value":"inboxUnreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]} as unknown as DocumentNode<ProjectHomeQuery, ProjectHomeQueryVariables>;
export const SendInboxMessageDocument = {"__meta__":{"hash":"sha256:b54a8d869593d785790b139e6eee2a9966c6f5e404196faf3a61fbc17531cc49"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendInboxMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateInboxMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInboxMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"read"}}]}}]}}]} as unknown as DocumentNode<SendInboxMessageMutation, SendInboxMessageMutationVariables>;