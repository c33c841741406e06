// Generated from the Task Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { Task as kind, Project } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { ProjectNode } from './project.ts';
import { WorkflowTaskConnection, WorkflowTaskInputs } from './workflow-task.ts';

/** `where` and `orderBy` of Task lists. */
export const TaskInputs = k.queryInputs('Task', kind);

export const TaskNode = builder.prismaNode('Task', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('Task')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    projectId: t.field({ type: 'ID', description: 'Global id of the Project in `project`.', resolve: (row) => k.globalId('Project', row.projectId) }),
    name: t.exposeString('name', { description: 'Name, unique in the project.' }),
    repoUrl: t.exposeString('repoUrl', { nullable: true, description: 'Git repository.' }),
    prompt: t.exposeString('prompt', { nullable: true, description: 'Prompt text.' }),
  }),
});

export const TaskConnection = builder.connectionObject({ type: TaskNode, name: 'TaskConnection' }, { name: 'TaskEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(TaskNode, (t) => ({
  project: t.field({
    type: ProjectNode,
    description: 'The Project `projectId` refers to.',
    select: (_args, _ctx, nested) => ({ project: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Project, row.project),
  }),
  workflowTasks: t.relatedConnection(
    'workflowTasks',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The workflow_tasks whose task_id is this Task.',
      args: { where: t.arg({ type: WorkflowTaskInputs.where }), orderBy: t.arg({ type: [WorkflowTaskInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('WorkflowTask'), WorkflowTaskInputs.toWhere(args.where)) },
        orderBy: WorkflowTaskInputs.toOrderBy(args.orderBy),
      }),
    },
    WorkflowTaskConnection,
  ),
}));

builder.queryField('tasks', (t) =>
  t.prismaConnection(
    {
      type: TaskNode,
      cursor: 'id',
      description: 'Task objects the caller can read.',
      args: { where: t.arg({ type: TaskInputs.where }), orderBy: t.arg({ type: [TaskInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.task.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('Task'), TaskInputs.toWhere(args.where)) },
          orderBy: TaskInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.task.count({ where: { AND: k.all(ctx.access.where('Task'), TaskInputs.toWhere(args.where)) } }),
    },
    TaskConnection,
  ),
);

builder.queryField('task', (t) =>
  t.prismaField({
    type: TaskNode,
    nullable: true,
    description: 'One Task by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined ? null : ctx.services.prisma.task.findFirst({ ...query, where: { AND: k.all(ctx.access.where('Task'), { id }) } });
    },
  }),
);

const TaskCreate = k.createInput(kind);
const TaskUpdate = k.updateInput(kind);

builder.mutationField('createTask', (t) =>
  t.prismaField({
    type: TaskNode,
    description: 'Create a Task.',
    args: { input: t.arg({ type: TaskCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, TaskCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.task.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateTask', (t) =>
  t.prismaField({
    type: TaskNode,
    description: 'Change a Task; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: TaskUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), TaskUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.task.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteTask', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a Task (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
