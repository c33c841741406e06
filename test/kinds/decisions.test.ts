import { describe, expect, expectTypeOf, it } from 'vitest';
import { ON_START, type StartDecisions } from '../../src/domain/agents.ts';
import { ON_CLONE, STATUS_FIELDS, type CloneDecisions } from '../../src/domain/session-actions.ts';
import { decidedAs, defineKind, type Decisions, type FieldName, type InputField, type RecordOf, type StatusField } from '../../src/kinds/define.ts';
import { Agent, Permission, Project, Session } from '../../src/kinds/index.ts';
import {
  PERMISSION_FIELDS,
  PROJECT_FIELDS,
  SESSION_FIELDS,
  STATUS_SOURCES,
  type PermissionRow,
  type ReconcilerUse,
  type SessionRow,
} from '../../src/reconciler/projections.ts';

/**
 * The Kind declaration is the one typed source of every place that handles a Kind's rows. Adding a
 * field to a declaration must not compile until each of those places has decided about it: the
 * `@ts-expect-error` lines below are checked by `tsc` (npm run typecheck), which fails if one of
 * them stops being an error. Each is paired with the same assignment for the declared Kind, which
 * compiles, so the error is the new field's and nothing else's.
 */

/** Session with one more data field and one more status field, as a future issue might add them. */
const GrownSession = defineKind({
  name: 'Session',
  plural: 'sessions',
  scope: 'project',
  description: Session.description,
  fields: {
    ...Session.specs,
    review_url: { wire: 'string', description: 'A data field nobody has decided about yet.' },
    reviewed_at: { wire: 'timestamp', access: 'status', description: 'A status field nobody has decided about yet.' },
  },
});

const GrownProject = defineKind({ ...Project, fields: { ...Project.specs, owner_email: { wire: 'string', description: 'New.' } } });
const GrownPermission = defineKind({ ...Permission, fields: { ...Permission.specs, expires_at: { wire: 'timestamp', description: 'New.' } } });
const GrownAgent = defineKind({ ...Agent, fields: { ...Agent.specs, review_url: { wire: 'string', description: 'New.' } } });

describe('adding a field to a Kind does not compile until every consumer decides about it', () => {
  it('the grown Kinds declare the new fields (so the errors below are about them)', () => {
    expect(GrownSession.field['review_url']?.access).toBe('writable');
    expect(GrownSession.field['reviewed_at']?.access).toBe('status');
    for (const [kind, name] of [
      [GrownProject, 'owner_email'],
      [GrownPermission, 'expires_at'],
      [GrownAgent, 'review_url'],
    ] as const)
      expect(kind.field[name], name).toBeDefined();
  });

  it('the clone (rest-contract §10.4)', () => {
    const declared: CloneDecisions<typeof Session> = ON_CLONE;
    // @ts-expect-error review_url: the clone has not decided whether to copy it
    const grown: CloneDecisions<typeof GrownSession> = ON_CLONE;
    expect([declared, grown]).toHaveLength(2);
  });

  it('an agent’s start (head-contract H3)', () => {
    const declared: StartDecisions<typeof Session, typeof Agent> = ON_START;
    // @ts-expect-error review_url: the start has not decided what the new session gets
    const grown: StartDecisions<typeof GrownSession, typeof Agent> = ON_START;
    expect([declared, grown]).toHaveLength(2);
  });

  it('an agent’s start may inherit only what the Agent declares', () => {
    const declared = { ...ON_START, review_url: 'default' } as const;
    const inheritsDeclared: StartDecisions<typeof GrownSession, typeof GrownAgent> = { ...declared, review_url: 'inherited' };
    // @ts-expect-error review_url is no Agent field, so it cannot be inherited from the agent
    const inheritsUndeclared: StartDecisions<typeof GrownSession, typeof Agent> = { ...declared, review_url: 'inherited' };
    expect([inheritsDeclared, inheritsUndeclared]).toHaveLength(2);
  });

  it('the reconciler’s session row and its status write-back (runtime.md §b.3)', () => {
    const declared: Decisions<FieldName<typeof Session>, ReconcilerUse> = SESSION_FIELDS;
    // @ts-expect-error review_url, reviewed_at: the reconciler has not decided whether the CR carries them
    const grown: Decisions<FieldName<typeof GrownSession>, ReconcilerUse> = SESSION_FIELDS;
    const sources: Decisions<StatusField<typeof Session>, 'cr' | 'guarded' | 'kept'> = STATUS_SOURCES;
    // @ts-expect-error reviewed_at: the write-back has not decided where the status field comes from
    const grownSources: Decisions<StatusField<typeof GrownSession>, 'cr' | 'guarded' | 'kept'> = STATUS_SOURCES;
    expect([declared, grown, sources, grownSources]).toHaveLength(4);
  });

  it('the reconciler’s project and permission rows', () => {
    const project: Decisions<FieldName<typeof Project>, ReconcilerUse> = PROJECT_FIELDS;
    // @ts-expect-error owner_email: the namespace projection has not decided about it
    const grownProject: Decisions<FieldName<typeof GrownProject>, ReconcilerUse> = PROJECT_FIELDS;
    const permission: Decisions<FieldName<typeof Permission>, ReconcilerUse> = PERMISSION_FIELDS;
    // @ts-expect-error expires_at: the RoleBinding projection has not decided about it
    const grownPermission: Decisions<FieldName<typeof GrownPermission>, ReconcilerUse> = PERMISSION_FIELDS;
    expect([project, grownProject, permission, grownPermission]).toHaveLength(4);
  });

  it('a decision map names no field the Kind lacks', () => {
    // @ts-expect-error no_such_field is not a Session field
    const extra: CloneDecisions<typeof Session> = { ...ON_CLONE, no_such_field: 'copied' };
    expect(extra).toBeDefined();
  });
});

describe('the field sets are derived from the declaration', () => {
  it('status fields are the fields declared with status access, in declaration order', () => {
    expectTypeOf<StatusField<typeof Session>>().toEqualTypeOf<
      | 'phase'
      | 'start_time'
      | 'completion_time'
      | 'sdk_session_id'
      | 'sdk_restart_count'
      | 'conditions'
      | 'reconciled_repos'
      | 'reconciled_workflow'
      | 'kube_cr_uid'
      | 'kube_namespace'
    >();
    expect(STATUS_FIELDS).toEqual(Session.fields.filter((f) => f.access === 'status').map((f) => f.name));
    expect(STATUS_FIELDS).toEqual([
      'phase',
      'start_time',
      'completion_time',
      'sdk_session_id',
      'sdk_restart_count',
      'conditions',
      'reconciled_repos',
      'reconciled_workflow',
      'kube_cr_uid',
      'kube_namespace',
    ]);
    // A grown Kind's status set grows with it, with no list to edit.
    expectTypeOf<StatusField<typeof GrownSession>>().toEqualTypeOf<StatusField<typeof Session> | 'reviewed_at'>();
  });

  it('input fields exclude what the server sets', () => {
    expectTypeOf<'created_by_user_id' | 'phase' | 'kube_cr_name'>().not.toExtend<InputField<typeof Session>>();
    expectTypeOf<'project_id' | 'agent_id' | 'name'>().toExtend<InputField<typeof Session>>();
  });

  it('every decision map covers exactly the fields its Kind declares, at run time too', () => {
    const inputs = Session.fields.filter((f) => f.access !== 'status' && f.access !== 'read-only').map((f) => f.name);
    expect(Object.keys(ON_CLONE)).toEqual(inputs);
    expect(Object.keys(ON_START)).toEqual(inputs);
    expect(Object.keys(SESSION_FIELDS)).toEqual(Session.fields.map((f) => f.name));
    expect(Object.keys(STATUS_SOURCES)).toEqual(STATUS_FIELDS);
    expect(Object.keys(PROJECT_FIELDS)).toEqual(Project.fields.map((f) => f.name));
    expect(Object.keys(PERMISSION_FIELDS)).toEqual(Permission.fields.map((f) => f.name));
    for (const name of decidedAs(ON_START, 'inherited')) expect(Agent.field[name], name).toBeDefined();
  });

  it('clones copy the session settings and nothing the clone decides itself', () => {
    expect(decidedAs(ON_CLONE, 'copied')).toEqual([
      'prompt',
      'repo_url',
      'repos',
      'interactive',
      'timeout',
      'llm_model',
      'llm_temperature',
      'llm_max_tokens',
      'bot_account_name',
      'resource_overrides',
      'environment_variables',
      'labels',
      'annotations',
    ]);
  });
});

describe('rows are typed from the declaration', () => {
  it('RecordOf: required and defaulted fields are non-null, closed sets are unions, json-text is text', () => {
    type S = RecordOf<typeof Session>;
    expectTypeOf<S['project_id']>().toEqualTypeOf<string>();
    expectTypeOf<S['timeout']>().toEqualTypeOf<number>();
    expectTypeOf<S['prompt']>().toEqualTypeOf<string | null>();
    expectTypeOf<S['start_time']>().toEqualTypeOf<Date | null>();
    expectTypeOf<S['repos']>().toEqualTypeOf<string | null>();
    expectTypeOf<S['phase']>().toEqualTypeOf<'Pending' | 'Creating' | 'Running' | 'Stopping' | 'Stopped' | 'Completed' | 'Failed' | null>();
    expectTypeOf<RecordOf<typeof Agent>>().not.toHaveProperty('current_session_id');
  });

  it('the reconciler’s rows are exactly the fields it decided to read, plus its joins', () => {
    expectTypeOf<PermissionRow['role']>().toEqualTypeOf<'admin' | 'edit' | 'view'>();
    expectTypeOf<SessionRow>().toHaveProperty('llm_model').toEqualTypeOf<string>();
    expectTypeOf<SessionRow>().not.toHaveProperty('agent_id');
    expectTypeOf<SessionRow>().not.toHaveProperty('start_time');
    expectTypeOf<SessionRow>().toHaveProperty('creator_username');
  });
});
