// Generated from the WorkflowSkill Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { WorkflowSkill as kind, Skill, Workflow } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { SkillNode } from './skill.ts';
import { WorkflowNode } from './workflow.ts';

/** `where` and `orderBy` of WorkflowSkill lists. */
export const WorkflowSkillInputs = k.queryInputs('WorkflowSkill', kind);

export const WorkflowSkillNode = builder.prismaNode('WorkflowSkill', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('WorkflowSkill')] }),
  authScopes: { authenticated: true },
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    workflowId: t.field({ type: 'ID', description: 'Global id of the Workflow in `workflow`.', resolve: (row) => k.globalId('Workflow', row.workflowId) }),
    skillId: t.field({ type: 'ID', description: 'Global id of the Skill in `skill`.', resolve: (row) => k.globalId('Skill', row.skillId) }),
    position: t.exposeInt('position', { description: 'Order within the workflow (ties by id).' }),
  }),
});

export const WorkflowSkillConnection = builder.connectionObject({ type: WorkflowSkillNode, name: 'WorkflowSkillConnection' }, { name: 'WorkflowSkillEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(WorkflowSkillNode, (t) => ({
  workflow: t.field({
    type: WorkflowNode,
    description: 'The Workflow `workflowId` refers to.',
    select: (_args, _ctx, nested) => ({ workflow: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Workflow, row.workflow),
  }),
  skill: t.field({
    type: SkillNode,
    description: 'The Skill `skillId` refers to.',
    select: (_args, _ctx, nested) => ({ skill: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Skill, row.skill),
  }),
}));

builder.queryField('workflowSkills', (t) =>
  t.prismaConnection(
    {
      type: WorkflowSkillNode,
      cursor: 'id',
      description: 'WorkflowSkill objects the caller can read.',
      args: { where: t.arg({ type: WorkflowSkillInputs.where }), orderBy: t.arg({ type: [WorkflowSkillInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.workflowSkill.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('WorkflowSkill'), WorkflowSkillInputs.toWhere(args.where)) },
          orderBy: WorkflowSkillInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.workflowSkill.count({ where: { AND: k.all(ctx.access.where('WorkflowSkill'), WorkflowSkillInputs.toWhere(args.where)) } }),
    },
    WorkflowSkillConnection,
  ),
);

builder.queryField('workflowSkill', (t) =>
  t.prismaField({
    type: WorkflowSkillNode,
    nullable: true,
    description: 'One WorkflowSkill by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined
        ? null
        : ctx.services.prisma.workflowSkill.findFirst({ ...query, where: { AND: k.all(ctx.access.where('WorkflowSkill'), { id }) } });
    },
  }),
);

const WorkflowSkillCreate = k.createInput(kind);
const WorkflowSkillUpdate = k.updateInput(kind);

builder.mutationField('createWorkflowSkill', (t) =>
  t.prismaField({
    type: WorkflowSkillNode,
    description: 'Create a WorkflowSkill.',
    args: { input: t.arg({ type: WorkflowSkillCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, WorkflowSkillCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.workflowSkill.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateWorkflowSkill', (t) =>
  t.prismaField({
    type: WorkflowSkillNode,
    description: 'Change a WorkflowSkill; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: WorkflowSkillUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), WorkflowSkillUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.workflowSkill.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteWorkflowSkill', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a WorkflowSkill (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
