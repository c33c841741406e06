// Generated from the Skill Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { Skill as kind, Project } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { ProjectNode } from './project.ts';
import { WorkflowSkillConnection, WorkflowSkillInputs } from './workflow-skill.ts';

/** `where` and `orderBy` of Skill lists. */
export const SkillInputs = k.queryInputs('Skill', kind);

export const SkillNode = builder.prismaNode('Skill', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('Skill')] }),
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

export const SkillConnection = builder.connectionObject({ type: SkillNode, name: 'SkillConnection' }, { name: 'SkillEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(SkillNode, (t) => ({
  project: t.field({
    type: ProjectNode,
    description: 'The Project `projectId` refers to.',
    select: (_args, _ctx, nested) => ({ project: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Project, row.project),
  }),
  workflowSkills: t.relatedConnection(
    'workflowSkills',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The workflow_skills whose skill_id is this Skill.',
      args: { where: t.arg({ type: WorkflowSkillInputs.where }), orderBy: t.arg({ type: [WorkflowSkillInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('WorkflowSkill'), WorkflowSkillInputs.toWhere(args.where)) },
        orderBy: WorkflowSkillInputs.toOrderBy(args.orderBy),
      }),
    },
    WorkflowSkillConnection,
  ),
}));

builder.queryField('skills', (t) =>
  t.prismaConnection(
    {
      type: SkillNode,
      cursor: 'id',
      description: 'Skill objects the caller can read.',
      args: { where: t.arg({ type: SkillInputs.where }), orderBy: t.arg({ type: [SkillInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.skill.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('Skill'), SkillInputs.toWhere(args.where)) },
          orderBy: SkillInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.skill.count({ where: { AND: k.all(ctx.access.where('Skill'), SkillInputs.toWhere(args.where)) } }),
    },
    SkillConnection,
  ),
);

builder.queryField('skill', (t) =>
  t.prismaField({
    type: SkillNode,
    nullable: true,
    description: 'One Skill by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined ? null : ctx.services.prisma.skill.findFirst({ ...query, where: { AND: k.all(ctx.access.where('Skill'), { id }) } });
    },
  }),
);

const SkillCreate = k.createInput(kind);
const SkillUpdate = k.updateInput(kind);

builder.mutationField('createSkill', (t) =>
  t.prismaField({
    type: SkillNode,
    description: 'Create a Skill.',
    args: { input: t.arg({ type: SkillCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, SkillCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.skill.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateSkill', (t) =>
  t.prismaField({
    type: SkillNode,
    description: 'Change a Skill; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: SkillUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), SkillUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.skill.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteSkill', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a Skill (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
