import type { SessionRuntime } from '../domain/session-runtime.ts';
import type { Integrations } from '../integrations/index.ts';
import type { AguiService } from '../agui/service.ts';
import type { Domain, RequestContext } from '../domain/service.ts';
import type { SessionActions } from '../domain/session-actions.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ChangeFeed } from '../live/change-feed.ts';
import type { SessionMessages } from '../domain/session-messages.ts';
import type { Agents } from '../domain/agents.ts';
import type { SessionMessageFeed } from '../live/session-message-feed.ts';
import type { ReadAccess } from './access.ts';
import type { ComputedFields } from './computed.ts';

/** The services resolvers call: writes through the domain layer, reads through Prisma, changes from the feed. */
export interface GraphqlServices {
  domain: Domain;
  sessionActions: SessionActions;
  prisma: PrismaClient;
  feed: ChangeFeed;
  agui: AguiService;
  messages: SessionMessages;
  messageFeed: SessionMessageFeed;
  agents: Agents;
  runtime: SessionRuntime;
  integrations: Integrations | undefined;
}

/** One request's context: who is calling, what they may read, and the services. */
export interface GraphqlContext {
  /** The domain layer's view of the caller (GraphQL has no project-scope header: inputs name projects). */
  request: RequestContext;
  access: ReadAccess;
  /** Batches computed-field lookups across the objects of one response. */
  computed: ComputedFields;
  services: GraphqlServices;
}
