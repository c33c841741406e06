import type { Kind, KindName } from '../../kinds/define.ts';
import type { Behaviour } from '../behaviour.ts';
import { agentBehaviour } from './agent.ts';
import { credentialBehaviour } from './credential.ts';
import { projectBehaviour } from './project.ts';
import { projectKeyBehaviour } from './project-key.ts';
import { projectSettingsBehaviour } from './project-settings.ts';
import { repositoryRefBehaviour } from './repository-ref.ts';
import { scheduledSessionBehaviour } from './scheduled-session.ts';
import { sessionBehaviour } from './session.ts';
import { userBehaviour } from './user.ts';
import { skillBehaviour, taskBehaviour, workflowBehaviour } from './workflow.ts';

const BEHAVIOURS: Partial<Record<KindName, Behaviour>> = {
  Agent: agentBehaviour,
  Project: projectBehaviour,
  Session: sessionBehaviour,
  ProjectSettings: projectSettingsBehaviour,
  RepositoryRef: repositoryRefBehaviour,
  ScheduledSession: scheduledSessionBehaviour,
  ProjectKey: projectKeyBehaviour,
  Credential: credentialBehaviour,
  User: userBehaviour,
  Workflow: workflowBehaviour,
  Skill: skillBehaviour,
  Task: taskBehaviour,
};

const NONE: Behaviour = {};

/** The Kind-specific rules of a Kind; Kinds without any follow the generic ones alone. */
export function behaviourOf(kind: Kind): Behaviour {
  return BEHAVIOURS[kind.name] ?? NONE;
}
