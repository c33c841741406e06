/**
 * Failures as typed values with the contract's numeric codes (rest-contract §3.3).
 *
 * The domain layer throws `DomainError`s; REST maps them to the Error body and status, GraphQL to
 * `extensions.code`. Anything else that escapes is an unexpected failure (code 9).
 */

export const ERROR_CODES = {
  6: { name: 'Conflict', status: 409, reason: 'An entity with the specified unique values already exists' },
  7: { name: 'NotFound', status: 404, reason: 'Resource not found' },
  8: { name: 'Validation', status: 400, reason: 'General validation failure' },
  9: { name: 'General', status: 500, reason: 'Unspecified error' },
  10: { name: 'MethodNotAllowed', status: 405, reason: 'HTTP Method not implemented for this endpoint' },
  11: { name: 'Forbidden', status: 403, reason: 'Account is unauthorized to perform this action' },
  15: { name: 'Unauthenticated', status: 401, reason: 'Account authentication could not be verified' },
  17: { name: 'MalformedRequest', status: 400, reason: 'Unable to read request body' },
  21: { name: 'BadRequest', status: 400, reason: 'Bad request' },
  30: { name: 'BadGateway', status: 502, reason: 'Upstream service failed' },
  31: { name: 'Unavailable', status: 503, reason: 'Service unavailable' },
  32: { name: 'PayloadTooLarge', status: 413, reason: 'Request body too large' },
  33: { name: 'Gone', status: 410, reason: 'Resume point no longer available' },
  34: { name: 'TooManyRequests', status: 429, reason: 'Too many requests' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: string = ERROR_CODES[code].reason,
    /** The input field the failure is about, when there is one. */
    readonly field?: string,
    /** For 429: seconds the caller should wait, sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
    this.name = ERROR_CODES[code].name;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export const notFound = (kind: string, id: string) => new DomainError(7, `${kind} with id='${id}' not found`);
export const conflict = (reason: string) => new DomainError(6, reason);
export const invalid = (reason: string, field?: string) => new DomainError(8, reason, field);
export const malformed = (detail: string, field?: string) => new DomainError(17, `Invalid request format: ${detail}`, field);
export const forbidden = (reason?: string) => new DomainError(11, reason);
export const badRequest = (reason: string) => new DomainError(21, reason);
export const unavailable = (reason: string) => new DomainError(31, reason);
/** A rate limit — ours or a provider's — with how long to wait. */
export const tooManyRequests = (reason: string, retryAfterSeconds: number) => new DomainError(34, reason, undefined, Math.max(1, Math.ceil(retryAfterSeconds)));
