/**
 * Kubernetes `Status` errors with the codes, reasons, messages and details a real kube-apiserver
 * (1.20) sends, so callers can be tested on what they branch on: `code`, `reason`, `details`.
 */

export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** Names a resource the way error messages do: `namespaces`, `agenticsessions.vteam.ambient-code`. */
export interface GroupResource {
  group: string;
  plural: string;
}

/** Names a kind the way `Invalid` messages do: `Namespace`, `RoleBinding.rbac.authorization.k8s.io`. */
export interface GroupKind {
  group: string;
  kind: string;
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string | undefined,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): Status {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      ...(this.reason === undefined ? {} : { reason: this.reason }),
      ...(this.details === undefined ? {} : { details: this.details }),
      code: this.code,
    };
  }
}

function qualifiedResource(resource: GroupResource): string {
  return resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
}

function resourceDetails(resource: GroupResource, name: string): StatusDetails {
  return { name, ...(resource.group ? { group: resource.group } : {}), kind: resource.plural };
}

export const notFound = (resource: GroupResource, name: string): ApiError =>
  new ApiError(404, 'NotFound', `${qualifiedResource(resource)} "${name}" not found`, resourceDetails(resource, name));

export const alreadyExists = (resource: GroupResource, name: string): ApiError =>
  new ApiError(409, 'AlreadyExists', `${qualifiedResource(resource)} "${name}" already exists`, resourceDetails(resource, name));

export const conflict = (resource: GroupResource, name: string, why: string): ApiError =>
  new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(resource)} "${name}": ${why}`, resourceDetails(resource, name));

export const staleObject = (resource: GroupResource, name: string): ApiError =>
  conflict(resource, name, 'the object has been modified; please apply your changes to the latest version and try again');

export const namespaceTerminating = (resource: GroupResource, name: string, namespace: string): ApiError =>
  new ApiError(
    403,
    'Forbidden',
    `${qualifiedResource(resource)} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
    {
      ...resourceDetails(resource, name),
      causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }],
    },
  );

export const badRequest = (message: string): ApiError => new ApiError(400, 'BadRequest', message);

export const methodNotAllowed = (): ApiError => new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

export const pathNotFound = (): ApiError => new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});

export const unsupportedMediaType = (accepted: string[]): ApiError =>
  new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`, {});

export const expired = (message: string): ApiError => new ApiError(410, 'Expired', message);

/** What a failed JSON Patch operation (including `test`) answers: 422 with the patch error as cause. */
export const patchRejected = (why: string): ApiError =>
  new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message: why }],
  });

/** A status answered on purpose (injected faults), with the real reason and wording for its code. */
export function statusFor(code: number, retryAfterSeconds?: number): ApiError {
  const reason = REASONS[code] ?? 'Unknown';
  const message =
    code === 429
      ? 'Too many requests, please try again later.'
      : code === 500
        ? 'Internal error occurred: injected fault'
        : `the server responded with the status code ${code} (injected fault)`;
  const details: StatusDetails = retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
  if (code === 500) details.causes = [{ message: 'injected fault' }];
  return new ApiError(code, reason, message, details);
}

/** One validation failure, in the shape of a Status cause (`message` does not repeat the field). */
export type FieldError = Required<StatusCause>;

/** Formats a value the way Go's field errors print it: strings quoted, the rest as JSON. */
function goValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? 'null');
}

export const fieldInvalid = (field: string, value: unknown, detail: string): FieldError => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${goValue(value)}: ${detail}`,
  field,
});

export const fieldRequired = (field: string, detail = ''): FieldError => ({
  reason: 'FieldValueRequired',
  message: detail ? `Required value: ${detail}` : 'Required value',
  field,
});

export const fieldNotSupported = (field: string, value: unknown, supported: unknown[]): FieldError => ({
  reason: 'FieldValueNotSupported',
  message: `Unsupported value: ${goValue(value)}: supported values: ${supported.map(goValue).join(', ')}`,
  field,
});

export const fieldForbidden = (field: string, detail: string): FieldError => ({ reason: 'FieldValueForbidden', message: `Forbidden: ${detail}`, field });

export const fieldTooLong = (field: string, max: number): FieldError => ({
  reason: 'FieldValueTooLong',
  message: `Too long: must have at most ${max} bytes`,
  field,
});

/** 422 Invalid: `AgenticSession.vteam.ambient-code "x" is invalid: spec.timeout: Invalid value: …`. */
export function invalid(kind: GroupKind, name: string, errors: FieldError[]): ApiError {
  const qualifiedKind = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  const listed = errors.map((e) => `${e.field}: ${e.message}`);
  const summary = listed.length === 1 ? listed[0]! : `[${listed.join(', ')}]`;
  return new ApiError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, {
    name,
    ...(kind.group ? { group: kind.group } : {}),
    kind: kind.kind,
    causes: errors,
  });
}
