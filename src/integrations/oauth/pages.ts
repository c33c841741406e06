import { createHash } from 'node:crypto';
import type { OAuthProviderName } from './state.ts';

/**
 * The HTML pages `/oauth2callback` shows in the browser (the only non-JSON responses of the API).
 * Nothing from the request is echoed back; the only script closes the popup window, and the
 * Content-Security-Policy allows that one script and nothing else. `Referrer-Policy: no-referrer`
 * keeps the code and state in this URL from leaking to whatever the user opens next.
 */

const CLOSE_SCRIPT = 'window.close();';
const CSP = `default-src 'none'; script-src 'sha256-${createHash('sha256').update(CLOSE_SCRIPT).digest('base64')}'`;

const NAMES: Record<OAuthProviderName, string> = { google: 'Google', github: 'GitHub' };

export const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': CSP,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
} as const;

function page(title: string, message: string, close: boolean): string {
  const script = close ? `<script>${CLOSE_SCRIPT}</script>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${message}</p>${script}</body></html>\n`;
}

export const invalidRequestPage = () => page('Invalid or expired authorization request', 'Start the connection again from the application.', false);

export const missingCodePage = (provider: OAuthProviderName) =>
  page('Authorization incomplete', `${NAMES[provider]} did not send an authorization code. Start the connection again from the application.`, false);

export const finishedPage = (provider: OAuthProviderName, success: boolean) =>
  success
    ? page(`${NAMES[provider]} connected`, 'You can close this window.', true)
    : page(`${NAMES[provider]} could not be connected`, 'The application shows what went wrong. You can close this window.', true);
