// Generated from the Workflow Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { Workflow as kind, Project, Agent, Skill, Task } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { ProjectNode } from './project.ts';
import { AgentNode, AgentConnection, AgentInputs } from './agent.ts';
import { SkillNode } from './skill.ts';
import { TaskNode } from './task.ts';
import { WorkflowSkillConnection, WorkflowSkillInputs } from './workflow-skill.ts';
import { WorkflowTaskConnection, WorkflowTaskInputs } from './workflow-task.ts';
import { SessionConnection, SessionInputs } from './session.ts';

/** `where` and `orderBy` of Workflow lists. */
export const WorkflowInputs = k.queryInputs('Workflow', kind);

export const WorkflowNode = builder.prismaNode('Workflow', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('Workflow')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    projectId: t.field({ type: 'ID', description: 'Global id of the Project in `project`.', resolve: (row) => k.globalId('Project', row.projectId) }),
    name: t.exposeString('name', { description: 'Name, unique in the project.' }),
    repoUrl: t.exposeString('repoUrl', { nullable: true, description: 'Git repository of the workflow.' }),
    branch: t.exposeString('branch', { nullable: true, description: 'Branch; absent means main.' }),
    path: t.exposeString('path', { nullable: true, description: 'Directory or file inside the repository.' }),
    prompt: t.exposeString('prompt', { nullable: true, description: 'Prompt text.' }),
    agentId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the Agent in `agent`.',
      resolve: (row) => k.globalIdOrNull('Agent', row.agentId),
    }),
  }),
});

export const WorkflowConnection = builder.connectionObject({ type: WorkflowNode, name: 'WorkflowConnection' }, { name: 'WorkflowEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(WorkflowNode, (t) => ({
  project: t.field({
    type: ProjectNode,
    description: 'The Project `projectId` refers to.',
    select: (_args, _ctx, nested) => ({ project: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Project, row.project),
  }),
  agent: t.field({
    type: AgentNode,
    nullable: true,
    description: 'The Agent `agentId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ agent: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, Agent, row.agent),
  }),
  agentsUsing: t.relatedConnection(
    'agentsUsing',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The agents whose workflow_id is this Workflow.',
      args: { where: t.arg({ type: AgentInputs.where }), orderBy: t.arg({ type: [AgentInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Agent'), AgentInputs.toWhere(args.where)) },
        orderBy: AgentInputs.toOrderBy(args.orderBy),
      }),
    },
    AgentConnection,
  ),
  workflowSkills: t.relatedConnection(
    'workflowSkills',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The workflow_skills whose workflow_id is this Workflow.',
      args: { where: t.arg({ type: WorkflowSkillInputs.where }), orderBy: t.arg({ type: [WorkflowSkillInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('WorkflowSkill'), WorkflowSkillInputs.toWhere(args.where)) },
        orderBy: WorkflowSkillInputs.toOrderBy(args.orderBy),
      }),
    },
    WorkflowSkillConnection,
  ),
  workflowTasks: t.relatedConnection(
    'workflowTasks',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The workflow_tasks whose workflow_id is this Workflow.',
      args: { where: t.arg({ type: WorkflowTaskInputs.where }), orderBy: t.arg({ type: [WorkflowTaskInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('WorkflowTask'), WorkflowTaskInputs.toWhere(args.where)) },
        orderBy: WorkflowTaskInputs.toOrderBy(args.orderBy),
      }),
    },
    WorkflowTaskConnection,
  ),
  sessions: t.relatedConnection(
    'sessions',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The sessions whose workflow_id is this Workflow.',
      args: { where: t.arg({ type: SessionInputs.where }), orderBy: t.arg({ type: [SessionInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Session'), SessionInputs.toWhere(args.where)) },
        orderBy: SessionInputs.toOrderBy(args.orderBy),
      }),
    },
    SessionConnection,
  ),
  skills: t.field({
    type: [SkillNode],
    description: 'The skills of this Workflow in WorkflowSkill order.',
    select: (_args, ctx, nested) => ({
      workflowSkills: { where: ctx.access.where('WorkflowSkill'), orderBy: WorkflowSkillInputs.toOrderBy(undefined), select: { skill: nested(true) } },
    }),
    resolve: (row, _args, ctx) =>
      k.visibleAll(
        ctx,
        Skill,
        row.workflowSkills.map((m) => m.skill),
      ),
  }),
  tasks: t.field({
    type: [TaskNode],
    description: 'The tasks of this Workflow in WorkflowTask order.',
    select: (_args, ctx, nested) => ({
      workflowTasks: { where: ctx.access.where('WorkflowTask'), orderBy: WorkflowTaskInputs.toOrderBy(undefined), select: { task: nested(true) } },
    }),
    resolve: (row, _args, ctx) =>
      k.visibleAll(
        ctx,
        Task,
        row.workflowTasks.map((m) => m.task),
      ),
  }),
}));

builder.queryField('workflows', (t) =>
  t.prismaConnection(
    {
      type: WorkflowNode,
      cursor: 'id',
      description: 'Workflow objects the caller can read.',
      args: { where: t.arg({ type: WorkflowInputs.where }), orderBy: t.arg({ type: [WorkflowInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.workflow.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('Workflow'), WorkflowInputs.toWhere(args.where)) },
          orderBy: WorkflowInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.workflow.count({ where: { AND: k.all(ctx.access.where('Workflow'), WorkflowInputs.toWhere(args.where)) } }),
    },
    WorkflowConnection,
  ),
);

builder.queryField('workflow', (t) =>
  t.prismaField({
    type: WorkflowNode,
    nullable: true,
    description: 'One Workflow by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined ? null : ctx.services.prisma.workflow.findFirst({ ...query, where: { AND: k.all(ctx.access.where('Workflow'), { id }) } });
    },
  }),
);

const WorkflowCreate = k.createInput(kind);
const WorkflowUpdate = k.updateInput(kind);

builder.mutationField('createWorkflow', (t) =>
  t.prismaField({
    type: WorkflowNode,
    description: 'Create a Workflow.',
    args: { input: t.arg({ type: WorkflowCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, WorkflowCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.workflow.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateWorkflow', (t) =>
  t.prismaField({
    type: WorkflowNode,
    description: 'Change a Workflow; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: WorkflowUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), WorkflowUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.workflow.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteWorkflow', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a Workflow (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
