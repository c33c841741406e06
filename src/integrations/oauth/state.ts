import { createHmac, randomBytes } from 'node:crypto';
import { constantTimeEqual } from '../../auth/constant-time.ts';

/**
 * The signed OAuth `state` parameter (runtime.md §c.4):
 *
 *   state   = B64U(payload) "." B64U(HMAC-SHA256(OAUTH_STATE_SECRET, B64U(payload)))
 *
 * It ties a provider's redirect back to the user who started the flow (CSRF protection) and lets
 * the callback, which carries no credentials, know whose flow it ends. The signature is compared in
 * constant time. Single use is the `oauth_states` row's job, not the state's.
 */

export const OAUTH_PROVIDERS = ['google', 'github'] as const;
export type OAuthProviderName = (typeof OAUTH_PROVIDERS)[number];

/** How long a started flow may take: five minutes. */
export const STATE_LIFETIME_SECONDS = 300;
const SKEW_SECONDS = 60;

export interface StatePayload {
  v: 1;
  provider: OAuthProviderName;
  user_id: string;
  nonce: string;
  iat: number;
  exp: number;
  return_to?: string;
  session_id?: string;
  installation_id?: number;
}

export const newNonce = () => randomBytes(16).toString('base64url');

const mac = (key: Buffer, encodedPayload: string) => createHmac('sha256', key).update(encodedPayload).digest('base64url');

export function signState(payload: StatePayload, key: Buffer): string {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${mac(key, encoded)}`;
}

/**
 * The payload of a state this server signed, or undefined (wrong signature, malformed, unknown
 * version or provider). Expiry is not checked here: the poll endpoint reads expired states too.
 */
export function readState(state: string, key: Buffer): StatePayload | undefined {
  const dot = state.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const encoded = state.slice(0, dot);
  if (!constantTimeEqual(state.slice(dot + 1), mac(key, encoded))) return undefined;
  let payload: Partial<StatePayload>;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<StatePayload>;
  } catch {
    return undefined;
  }
  const wellFormed =
    payload !== null &&
    typeof payload === 'object' &&
    payload.v === 1 &&
    OAUTH_PROVIDERS.includes(payload.provider!) &&
    typeof payload.user_id === 'string' &&
    typeof payload.nonce === 'string' &&
    Number.isInteger(payload.iat) &&
    Number.isInteger(payload.exp);
  return wellFormed ? (payload as StatePayload) : undefined;
}

/** Whether a state may still end its flow: not expired, not issued in the future, never longer-lived than five minutes. */
export function isFresh(payload: StatePayload, nowSeconds: number): boolean {
  return nowSeconds <= payload.exp && payload.iat <= nowSeconds + SKEW_SECONDS && payload.exp - payload.iat <= STATE_LIFETIME_SECONDS;
}
