import type { Logger } from '../log.ts';

/**
 * Development mode (runtime.md §c.6): without a JWT key source nothing is verified and every caller
 * is a platform admin, so such a server must only be reachable from its own machine, and must say
 * so loudly — at start and every ten minutes, so the warning is in any recent log window.
 */

export const WARNING_INTERVAL_MS = 10 * 60_000;

export const DEVELOPMENT_MODE_WARNING =
  'DEVELOPMENT MODE: authentication is OFF (neither AUTH_JWKS_URL nor AUTH_JWKS_FILE is set); every caller is a platform admin. Never expose this server.';

/** Loopback bind addresses: the only ones allowed in development mode. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Logs the warning now and every `intervalMs`; returns the function that stops it. */
export function warnDevelopmentMode(log: Logger, intervalMs = WARNING_INTERVAL_MS): () => void {
  const warn = () => log.warn({ auth: 'off' }, DEVELOPMENT_MODE_WARNING);
  warn();
  const timer = setInterval(warn, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
