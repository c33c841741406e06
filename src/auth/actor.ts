import type { Role } from '../kinds/rules.ts';

/**
 * Who is making a request, as authentication established it. The domain layer authorizes every
 * operation against an Actor; it never looks at tokens or headers.
 */
export type Actor = UserActor | KeyActor | ServiceAccountActor | SystemActor;

export interface UserActor {
  type: 'user';
  /** The `users.id`; null only before the user row exists. */
  userId: string | null;
  username: string;
  /** Effective groups: the token's groups and the user row's groups. */
  groups: readonly string[];
  /** Listed in AUTH_PLATFORM_ADMINS, or any caller in development mode. */
  platformAdmin: boolean;
}

/** A project API key: acts with its role in its project only. */
export interface KeyActor {
  type: 'key';
  keyId: string;
  projectId: string;
  role: Role;
  /** The key's creator, recorded as the owner of what the key creates. */
  creatorId: string | null;
}

/**
 * A Kubernetes ServiceAccount (`system:serviceaccount:<namespace>:<name>`), as a TokenReview or a
 * trusted proxy reported it. The policy grants it nothing: it is not a user, has no Permissions and
 * reads no rows. Only the runner of a session (`runnerOf`) is let into that session's runner-facing
 * endpoints (runtime.md §c.7), and nowhere else.
 */
export interface ServiceAccountActor {
  type: 'service-account';
  /** The full Kubernetes username. */
  username: string;
  namespace: string;
  name: string;
  groups: readonly string[];
  /**
   * Set when a TokenReview authenticated the account and it is the runner ServiceAccount the
   * operator creates for a live session (`ambient-session-<kube_cr_name>` in the session's namespace).
   */
  runnerOf?: { sessionId: string; projectId: string };
}

/** The server itself (the reconciler, start-up tasks): unrestricted. */
export interface SystemActor {
  type: 'system';
  name: string;
}

export const systemActor = (name: string): SystemActor => ({ type: 'system', name });

/** Whether the actor may act on every project. */
export const isPlatformWide = (actor: Actor): boolean => actor.type === 'system' || (actor.type === 'user' && actor.platformAdmin);

/** The user id recorded as owner of what the actor creates. */
export function ownerId(actor: Actor): string | null {
  if (actor.type === 'user') return actor.userId;
  if (actor.type === 'key') return actor.creatorId;
  return null;
}
