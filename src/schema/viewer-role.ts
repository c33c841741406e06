import { Permission } from '../kinds/index.ts';
import { ROLES } from '../kinds/rules.ts';
import { builder } from './builder.ts';
import { enumType } from './enums.ts';
import { ProjectNode } from './project.ts';

/** What the UI needs to decide which actions to offer in a project: the caller's own role. */
builder.prismaObjectFields(ProjectNode, (t) => ({
  viewerRole: t.field({
    type: enumType(Permission.name, 'role', ROLES),
    nullable: true,
    description: 'The caller’s effective role in this project (admin for platform admins).',
    resolve: (project, _args, ctx) => ctx.access.roleIn(project.id),
  }),
}));
