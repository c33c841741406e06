import { ownerId } from '../auth/actor.ts';
import { User } from '../kinds/index.ts';
import { builder } from './builder.ts';
import { rowsOf } from './kind-types.ts';

/** The caller's own user; null for callers without a user row (development mode before provisioning). */
builder.queryField('viewer', (t) =>
  t.prismaField({
    type: User.name,
    nullable: true,
    description: 'The calling user (for a project key: the key’s creator).',
    resolve: (query, _root, _args, ctx) => {
      const userId = ownerId(ctx.request.actor);
      return userId === null ? null : rowsOf(ctx, User).findFirst({ ...query, where: { AND: [ctx.access.rows(User), { id: userId }] } });
    },
  }),
);
