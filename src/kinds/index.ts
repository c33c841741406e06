import type { Kind, KindName } from './define.ts';
import { Agent } from './agent.ts';
import { Credential } from './credential.ts';
import { InboxMessage } from './inbox-message.ts';
import { Permission } from './permission.ts';
import { Project } from './project.ts';
import { ProjectKey } from './project-key.ts';
import { ProjectSettings } from './project-settings.ts';
import { RepositoryRef } from './repository-ref.ts';
import { ScheduledSession } from './scheduled-session.ts';
import { Session } from './session.ts';
import { Skill } from './skill.ts';
import { Task } from './task.ts';
import { User } from './user.ts';
import { Workflow } from './workflow.ts';
import { WorkflowSkill } from './workflow-skill.ts';
import { WorkflowTask } from './workflow-task.ts';

export {
  Agent,
  Credential,
  InboxMessage,
  Permission,
  Project,
  ProjectKey,
  ProjectSettings,
  RepositoryRef,
  ScheduledSession,
  Session,
  Skill,
  Task,
  User,
  Workflow,
  WorkflowSkill,
  WorkflowTask,
};

/** Every Kind, in the order tables are created (referenced tables first). */
export const KINDS: readonly Kind[] = [
  Project,
  User,
  ProjectSettings,
  Agent,
  Skill,
  Task,
  Workflow,
  WorkflowSkill,
  WorkflowTask,
  ScheduledSession,
  Session,
  Permission,
  RepositoryRef,
  ProjectKey,
  Credential,
  InboxMessage,
];

const byName = new Map<string, Kind>(KINDS.map((k) => [k.name, k]));
const byPlural = new Map<string, Kind>(KINDS.map((k) => [k.plural, k]));

export function kindNamed(name: KindName): Kind {
  const kind = byName.get(name);
  if (!kind) throw new Error(`unknown Kind ${name}`);
  return kind;
}

export function kindForPlural(plural: string): Kind | undefined {
  return byPlural.get(plural);
}

export type { Kind, KindName, Field, RecordOf } from './define.ts';
