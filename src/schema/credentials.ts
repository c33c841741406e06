import { unavailable } from '../domain/errors.ts';
import { Credential } from '../kinds/index.ts';
import { builder } from './builder.ts';
import type { GraphqlContext } from './context.ts';
import { targetId } from './kind-types.ts';

/**
 * A credential's secret (head-contract H7) in GraphQL, through the same Integrations.readToken as
 * `GET /credentials/{id}/token`: the same policy, the same audit row per read.
 */

interface CredentialToken {
  credential_id: string;
  provider: string;
  token: string;
}

const CredentialTokenType = builder.objectRef<CredentialToken>('CredentialToken').implement({
  description: 'A credential’s provider and secret; every read is recorded.',
  fields: (t) => ({
    credentialId: t.exposeString('credential_id', { description: 'The credential’s REST id.' }),
    provider: t.exposeString('provider'),
    token: t.exposeString('token', { description: 'The secret.' }),
  }),
});

builder.queryField('credentialToken', (t) =>
  t.field({
    type: CredentialTokenType,
    description: 'The credential’s secret, only for callers allowed to read it (its owner; a live session’s runner for the credentials its session uses).',
    args: { credential: t.arg.id({ required: true, description: 'The credential (its global id).' }) },
    resolve: (_root, args, ctx: GraphqlContext) => {
      if (!ctx.services.integrations) throw unavailable('credential tokens are not served here');
      return ctx.services.integrations.readToken(ctx.request, targetId(String(args.credential), Credential));
    },
  }),
);
