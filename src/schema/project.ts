// Generated from the Project Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { Project as kind } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { ProjectSettingsNode } from './project-settings.ts';
import { AgentConnection, AgentInputs } from './agent.ts';
import { SkillConnection, SkillInputs } from './skill.ts';
import { TaskConnection, TaskInputs } from './task.ts';
import { WorkflowConnection, WorkflowInputs } from './workflow.ts';
import { ScheduledSessionConnection, ScheduledSessionInputs } from './scheduled-session.ts';
import { SessionConnection, SessionInputs } from './session.ts';
import { PermissionConnection, PermissionInputs } from './permission.ts';
import { RepositoryRefConnection, RepositoryRefInputs } from './repository-ref.ts';
import { ProjectKeyConnection, ProjectKeyInputs } from './project-key.ts';
import { InboxMessageConnection, InboxMessageInputs } from './inbox-message.ts';

/** `where` and `orderBy` of Project lists. */
export const ProjectInputs = k.queryInputs('Project', kind);

export const ProjectNode = builder.prismaNode('Project', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('Project')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    name: t.exposeString('name', { description: 'DNS-1123 label; the namespace name. Immutable.' }),
    displayName: t.exposeString('displayName', { nullable: true, description: 'Human-readable name.' }),
    description: t.exposeString('description', { nullable: true, description: 'Free text.' }),
    prompt: t.exposeString('prompt', { nullable: true, description: 'Standing instructions for every agent and session of the project (head-contract H1).' }),
    labels: t.field({
      type: [k.KeyValue],
      nullable: true,
      description: 'JSON object of labels projected onto the namespace.',
      resolve: (row) => k.asEntries(row.labels),
    }),
    annotations: t.field({
      type: [k.KeyValue],
      nullable: true,
      description: 'JSON object of annotations projected onto the namespace.',
      resolve: (row) => k.asEntries(row.annotations),
    }),
    status: t.expose('status', { type: k.enumOf(kind, 'status'), description: 'Active; a deleted project’s final state is Terminating.' }),
  }),
});

export const ProjectConnection = builder.connectionObject({ type: ProjectNode, name: 'ProjectConnection' }, { name: 'ProjectEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(ProjectNode, (t) => ({
  settings: t.field({
    type: ProjectSettingsNode,
    nullable: true,
    description: 'The ProjectSettings of this Project (there is at most one).',
    select: (_args, ctx, nested) => ({ settings: nested({ where: ctx.access.where('ProjectSettings'), take: 1 }) }),
    resolve: (row) => row.settings[0] ?? null,
  }),
  agents: t.relatedConnection(
    'agents',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The agents whose project_id is this Project.',
      args: { where: t.arg({ type: AgentInputs.where }), orderBy: t.arg({ type: [AgentInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Agent'), AgentInputs.toWhere(args.where)) },
        orderBy: AgentInputs.toOrderBy(args.orderBy),
      }),
    },
    AgentConnection,
  ),
  skills: t.relatedConnection(
    'skills',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The skills whose project_id is this Project.',
      args: { where: t.arg({ type: SkillInputs.where }), orderBy: t.arg({ type: [SkillInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Skill'), SkillInputs.toWhere(args.where)) },
        orderBy: SkillInputs.toOrderBy(args.orderBy),
      }),
    },
    SkillConnection,
  ),
  tasks: t.relatedConnection(
    'tasks',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The tasks whose project_id is this Project.',
      args: { where: t.arg({ type: TaskInputs.where }), orderBy: t.arg({ type: [TaskInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Task'), TaskInputs.toWhere(args.where)) },
        orderBy: TaskInputs.toOrderBy(args.orderBy),
      }),
    },
    TaskConnection,
  ),
  workflows: t.relatedConnection(
    'workflows',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The workflows whose project_id is this Project.',
      args: { where: t.arg({ type: WorkflowInputs.where }), orderBy: t.arg({ type: [WorkflowInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Workflow'), WorkflowInputs.toWhere(args.where)) },
        orderBy: WorkflowInputs.toOrderBy(args.orderBy),
      }),
    },
    WorkflowConnection,
  ),
  scheduledSessions: t.relatedConnection(
    'scheduledSessions',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The scheduled_sessions whose project_id is this Project.',
      args: { where: t.arg({ type: ScheduledSessionInputs.where }), orderBy: t.arg({ type: [ScheduledSessionInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('ScheduledSession'), ScheduledSessionInputs.toWhere(args.where)) },
        orderBy: ScheduledSessionInputs.toOrderBy(args.orderBy),
      }),
    },
    ScheduledSessionConnection,
  ),
  sessions: t.relatedConnection(
    'sessions',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The sessions whose project_id is this Project.',
      args: { where: t.arg({ type: SessionInputs.where }), orderBy: t.arg({ type: [SessionInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Session'), SessionInputs.toWhere(args.where)) },
        orderBy: SessionInputs.toOrderBy(args.orderBy),
      }),
    },
    SessionConnection,
  ),
  permissions: t.relatedConnection(
    'permissions',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The permissions whose project_id is this Project.',
      args: { where: t.arg({ type: PermissionInputs.where }), orderBy: t.arg({ type: [PermissionInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Permission'), PermissionInputs.toWhere(args.where)) },
        orderBy: PermissionInputs.toOrderBy(args.orderBy),
      }),
    },
    PermissionConnection,
  ),
  repositoryRefs: t.relatedConnection(
    'repositoryRefs',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The repository_refs whose project_id is this Project.',
      args: { where: t.arg({ type: RepositoryRefInputs.where }), orderBy: t.arg({ type: [RepositoryRefInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('RepositoryRef'), RepositoryRefInputs.toWhere(args.where)) },
        orderBy: RepositoryRefInputs.toOrderBy(args.orderBy),
      }),
    },
    RepositoryRefConnection,
  ),
  projectKeys: t.relatedConnection(
    'projectKeys',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The project_keys whose project_id is this Project.',
      args: { where: t.arg({ type: ProjectKeyInputs.where }), orderBy: t.arg({ type: [ProjectKeyInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('ProjectKey'), ProjectKeyInputs.toWhere(args.where)) },
        orderBy: ProjectKeyInputs.toOrderBy(args.orderBy),
      }),
    },
    ProjectKeyConnection,
  ),
  inboxMessages: t.relatedConnection(
    'inboxMessages',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The inbox_messages whose project_id is this Project.',
      args: { where: t.arg({ type: InboxMessageInputs.where }), orderBy: t.arg({ type: [InboxMessageInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('InboxMessage'), InboxMessageInputs.toWhere(args.where)) },
        orderBy: InboxMessageInputs.toOrderBy(args.orderBy),
      }),
    },
    InboxMessageConnection,
  ),
}));

builder.queryField('projects', (t) =>
  t.prismaConnection(
    {
      type: ProjectNode,
      cursor: 'id',
      description: 'Project objects the caller can read.',
      args: { where: t.arg({ type: ProjectInputs.where }), orderBy: t.arg({ type: [ProjectInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.project.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('Project'), ProjectInputs.toWhere(args.where)) },
          orderBy: ProjectInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.project.count({ where: { AND: k.all(ctx.access.where('Project'), ProjectInputs.toWhere(args.where)) } }),
    },
    ProjectConnection,
  ),
);

builder.queryField('project', (t) =>
  t.prismaField({
    type: ProjectNode,
    nullable: true,
    description: 'One Project by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined ? null : ctx.services.prisma.project.findFirst({ ...query, where: { AND: k.all(ctx.access.where('Project'), { id }) } });
    },
  }),
);

builder.queryField('projectByName', (t) =>
  t.prismaField({
    type: ProjectNode,
    nullable: true,
    description: 'One Project by its name; null when it does not exist or is not visible.',
    args: { name: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.services.prisma.project.findFirst({ ...query, where: { AND: k.all(ctx.access.where('Project'), { name: args.name }) } }),
  }),
);

const ProjectCreate = k.createInput(kind);
const ProjectUpdate = k.updateInput(kind);

builder.mutationField('createProject', (t) =>
  t.prismaField({
    type: ProjectNode,
    description: 'Create a Project.',
    args: { input: t.arg({ type: ProjectCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, ProjectCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.project.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateProject', (t) =>
  t.prismaField({
    type: ProjectNode,
    description: 'Change a Project; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: ProjectUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), ProjectUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.project.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteProject', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a Project (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
