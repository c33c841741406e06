// Generated from the WorkflowTask Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { WorkflowTask as kind, Task, Workflow } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { TaskNode } from './task.ts';
import { WorkflowNode } from './workflow.ts';

/** `where` and `orderBy` of WorkflowTask lists. */
export const WorkflowTaskInputs = k.queryInputs('WorkflowTask', kind);

export const WorkflowTaskNode = builder.prismaNode('WorkflowTask', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('WorkflowTask')] }),
  authScopes: { authenticated: true },
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    workflowId: t.field({ type: 'ID', description: 'Global id of the Workflow in `workflow`.', resolve: (row) => k.globalId('Workflow', row.workflowId) }),
    taskId: t.field({ type: 'ID', description: 'Global id of the Task in `task`.', resolve: (row) => k.globalId('Task', row.taskId) }),
    position: t.exposeInt('position', { description: 'Order within the workflow (ties by id).' }),
  }),
});

export const WorkflowTaskConnection = builder.connectionObject({ type: WorkflowTaskNode, name: 'WorkflowTaskConnection' }, { name: 'WorkflowTaskEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(WorkflowTaskNode, (t) => ({
  workflow: t.field({
    type: WorkflowNode,
    description: 'The Workflow `workflowId` refers to.',
    select: (_args, _ctx, nested) => ({ workflow: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Workflow, row.workflow),
  }),
  task: t.field({
    type: TaskNode,
    description: 'The Task `taskId` refers to.',
    select: (_args, _ctx, nested) => ({ task: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Task, row.task),
  }),
}));

builder.queryField('workflowTasks', (t) =>
  t.prismaConnection(
    {
      type: WorkflowTaskNode,
      cursor: 'id',
      description: 'WorkflowTask objects the caller can read.',
      args: { where: t.arg({ type: WorkflowTaskInputs.where }), orderBy: t.arg({ type: [WorkflowTaskInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.workflowTask.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('WorkflowTask'), WorkflowTaskInputs.toWhere(args.where)) },
          orderBy: WorkflowTaskInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.workflowTask.count({ where: { AND: k.all(ctx.access.where('WorkflowTask'), WorkflowTaskInputs.toWhere(args.where)) } }),
    },
    WorkflowTaskConnection,
  ),
);

builder.queryField('workflowTask', (t) =>
  t.prismaField({
    type: WorkflowTaskNode,
    nullable: true,
    description: 'One WorkflowTask by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined
        ? null
        : ctx.services.prisma.workflowTask.findFirst({ ...query, where: { AND: k.all(ctx.access.where('WorkflowTask'), { id }) } });
    },
  }),
);

const WorkflowTaskCreate = k.createInput(kind);
const WorkflowTaskUpdate = k.updateInput(kind);

builder.mutationField('createWorkflowTask', (t) =>
  t.prismaField({
    type: WorkflowTaskNode,
    description: 'Create a WorkflowTask.',
    args: { input: t.arg({ type: WorkflowTaskCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, WorkflowTaskCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.workflowTask.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateWorkflowTask', (t) =>
  t.prismaField({
    type: WorkflowTaskNode,
    description: 'Change a WorkflowTask; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: WorkflowTaskUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), WorkflowTaskUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.workflowTask.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteWorkflowTask', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a WorkflowTask (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
