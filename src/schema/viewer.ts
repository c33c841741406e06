import { ownerId } from '../auth/actor.ts';
import { builder } from './builder.ts';
import { UserNode } from './user.ts';

/** The caller's own user; null for callers without a user row (development mode before provisioning). */
builder.queryField('viewer', (t) =>
  t.prismaField({
    type: UserNode,
    nullable: true,
    description: 'The calling user (for a project key: the key’s creator).',
    resolve: (query, _root, _args, ctx) => {
      const userId = ownerId(ctx.request.actor);
      return userId === null ? null : ctx.services.prisma.user.findFirst({ ...query, where: { AND: [ctx.access.where('User'), { id: userId }] } });
    },
  }),
);
