/**
 * Which caller credential may travel on to a session's runner (runtime.md §a.5, §d conventions):
 * only a JWT bearer token, kept for runner compatibility. Project keys (`apk_…`) and anything else
 * authenticate to this server alone and are never forwarded.
 */
export function forwardableCredential(authorization: string | undefined): string | undefined {
  if (authorization !== undefined && /^Bearer\s+(?!apk_)[^.\s]+\.[^.\s]+\.[^.\s]*\s*$/i.test(authorization)) return authorization;
  return undefined;
}
