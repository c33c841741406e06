import { RELEASE } from '../version.ts';
import { builder } from './builder.ts';

/** The server's release (head-contract H10), the same facts `GET /version` answers. */
const ServerVersion = builder.objectRef<typeof RELEASE>('ServerVersion').implement({
  description: 'The server’s version, build time and git tag.',
  fields: (t) => ({
    version: t.exposeString('version'),
    buildTime: t.exposeString('build_time', { description: 'RFC 3339.' }),
    gitTag: t.exposeString('git_tag', { description: 'Empty when the build has none.' }),
  }),
});

builder.queryField('serverVersion', (t) => t.field({ type: ServerVersion, description: 'The server’s release.', resolve: () => RELEASE }));
