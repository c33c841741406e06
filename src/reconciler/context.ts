import type pg from 'pg';
import type { SessionActions } from '../domain/session-actions.ts';
import type { Logger } from '../log.ts';
import type { Kube } from './kube.ts';
import type { SubjectPrefixes } from './projections.ts';

/** What every reconcile function works with. */
export interface ReconcileContext {
  pool: pg.Pool;
  kube: Kube;
  /** Status write-backs go through the domain layer, so subscribers see them. */
  sessions: SessionActions;
  log: Logger;
  prefixes: SubjectPrefixes;
  /** Reports a problem that retrying will not fix (e.g. a namespace we must not adopt). */
  report(kind: string, reason: string, detail: Record<string, unknown>): void;
}
