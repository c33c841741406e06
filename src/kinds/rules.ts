import { z } from 'zod';

/**
 * The shared validators of rest-contract §8, as zod schemas.
 *
 * A rule is a function of the name it reports under, so the same rule validates a top-level field
 * (`llm_model must be …`) and a key inside a JSON-text shape (`repos: item 0: url must be …`).
 * Messages are part of the contract where the contract quotes them; keep them exact.
 */
export type Rule<T = unknown> = (name: string) => z.ZodType<T>;

const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** Length in Unicode code points, not UTF-16 units. */
export function codePoints(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** Line(n): 1…n code points, no control characters. */
export const line =
  (max: number): Rule<string> =>
  (name) =>
    z.string().check((ctx) => {
      const length = codePoints(ctx.value);
      if (length < 1 || length > max) ctx.issues.push(issue(ctx.value, `${name} must be between 1 and ${max} characters`));
      else if (CONTROL.test(ctx.value)) ctx.issues.push(issue(ctx.value, `${name} must not contain control characters`));
    });

/** Text(n): 0…n code points; newlines and tabs allowed. */
export const text =
  (max: number): Rule<string> =>
  (name) =>
    z.string().check((ctx) => {
      if (codePoints(ctx.value) > max) ctx.issues.push(issue(ctx.value, `${name} must be at most ${max} characters`));
      else if (CONTROL_EXCEPT_NEWLINE_TAB.test(ctx.value))
        ctx.issues.push(issue(ctx.value, `${name} must not contain control characters other than newline and tab`));
    });

const SCP_FORM = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\S+$/;
const GIT_SCHEMES = new Set(['https:', 'http:', 'ssh:', 'git:']);

export function isGitUrl(value: string): boolean {
  if (value.length > 2048 || /\s/.test(value)) return false;
  if (SCP_FORM.test(value) && !value.includes('://')) return true;
  try {
    const url = new URL(value);
    return GIT_SCHEMES.has(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

/** GitURL: an absolute http(s)/ssh/git URL with a host, or the scp form user@host:path. */
export const gitUrl = (): Rule<string> => (name) =>
  z.string().refine(isGitUrl, `${name} must be a git URL (https, http, ssh or git URL with a host, or user@host:path), at most 2048 characters`);

/** Branch: 1–255 characters, no whitespace or control characters, not starting with `-`. */
export const branch = (): Rule<string> => (name) =>
  z
    .string()
    .refine(
      (v) => v.length >= 1 && v.length <= 255 && !/[\s\u0000-\u001f\u007f]/.test(v) && !v.startsWith('-'),
      `${name} must be 1 to 255 characters without whitespace, not starting with '-'`,
    );

/** RepoPath: 0–1024 characters, no control characters, no `..` segment, not absolute. */
export const repoPath = (): Rule<string> => (name) =>
  z
    .string()
    .refine(
      (v) => v.length <= 1024 && !CONTROL.test(v) && !v.startsWith('/') && !v.split('/').includes('..'),
      `${name} must be a relative path of at most 1024 characters without '..' segments`,
    );

/** Email: ≤ 320 characters, exactly one `@`, non-empty local part and domain, no whitespace. */
export const email = (): Rule<string> => (name) =>
  z.string().refine((v) => {
    const at = v.split('@');
    return v.length <= 320 && at.length === 2 && at[0] !== '' && at[1] !== '' && !/\s/.test(v);
  }, `${name} must be an email address`);

export const RESERVED_PROJECT_NAMES = ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'openshift', 'openshift-infra', 'openshift-node'];
export const PROJECT_NAME_PATTERN = /^[a-z][a-z0-9-]*[a-z0-9]$/;

/** ProjectName: a DNS-1123 label that Kubernetes does not reserve. */
export const projectName = (): Rule<string> => () =>
  z.string().check((ctx) => {
    const v = ctx.value;
    if (v.length < 2 || v.length > 63) ctx.issues.push(issue(v, 'project name must be between 2 and 63 characters'));
    else if (!PROJECT_NAME_PATTERN.test(v)) ctx.issues.push(issue(v, 'project name must match DNS-1123 label format: ^[a-z][a-z0-9-]*[a-z0-9]$'));
    else if (RESERVED_PROJECT_NAMES.includes(v)) ctx.issues.push(issue(v, `project name '${v}' is reserved`));
  });

export const ROLES = ['admin', 'edit', 'view'] as const;
export type Role = (typeof ROLES)[number];

/** One of a fixed set of strings. */
export const oneOf =
  (values: readonly string[]): Rule<string> =>
  (name) =>
    z.string().refine((v) => values.includes(v), `${name} must be one of: ${values.join(', ')}`);

export const INT32_MAX = 2147483647;

/** An integer in [min, max]. */
export const intRange =
  (min: number, max: number = INT32_MAX): Rule<number> =>
  (name) =>
    z.number().check((ctx) => {
      if (!Number.isInteger(ctx.value) || ctx.value < min || ctx.value > max) ctx.issues.push(issue(ctx.value, `${name} must be between ${min} and ${max}`));
    });

/** A number in [min, max]. */
export const numberRange =
  (min: number, max: number): Rule<number> =>
  (name) =>
    z.number().check((ctx) => {
      if (!Number.isFinite(ctx.value) || ctx.value < min || ctx.value > max) ctx.issues.push(issue(ctx.value, `${name} must be between ${min} and ${max}`));
    });

/** An RFC 3339 date-time with an explicit offset, any precision. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export function parseTimestamp(value: string): Date | undefined {
  if (!RFC3339.test(value)) return undefined;
  const date = new Date(value.replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export const timestamp = (): Rule<string> => (name) => z.string().refine((v) => parseTimestamp(v) !== undefined, `${name} must be an RFC 3339 date-time`);

const LABEL_NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
const RESERVED_LABEL_PREFIXES = ['ambient-code.io', 'vteam.ambient-code', 'kubernetes.io', 'k8s.io'];

/** Why `key` is not a LabelKey, or undefined when it is one. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))
      return `key '${key}' has an invalid prefix (a DNS subdomain of at most 253 characters)`;
    if (RESERVED_LABEL_PREFIXES.includes(prefix) || prefix.endsWith('.kubernetes.io') || prefix.endsWith('.k8s.io'))
      return `key '${key}' uses a reserved prefix`;
  }
  if (name.length < 1 || name.length > 63 || !LABEL_NAME.test(name))
    return `key '${key}' has an invalid name (1 to 63 characters matching ${LABEL_NAME.source})`;
  return undefined;
}

/** Labels: at most 64 LabelKey → label-value entries. */
export const labels = (): z.ZodType<Record<string, string>> =>
  z.record(z.string(), z.string()).check((ctx) => {
    const entries = Object.entries(ctx.value);
    if (entries.length > 64) ctx.issues.push(issue(ctx.value, 'at most 64 entries'));
    for (const [key, value] of entries) {
      const problem = labelKeyProblem(key);
      if (problem) ctx.issues.push(issue(ctx.value, problem));
      else if (typeof value === 'string' && (value.length > 63 || (value !== '' && !LABEL_NAME.test(value))))
        ctx.issues.push(issue(ctx.value, `value of '${key}' must be at most 63 characters matching ${LABEL_NAME.source}`));
    }
  });

/** Annotations: LabelKey → string, at most 256 KiB serialized. */
export const annotations = (): z.ZodType<Record<string, string>> =>
  z.record(z.string(), z.string()).check((ctx) => {
    for (const key of Object.keys(ctx.value)) {
      const problem = labelKeyProblem(key);
      if (problem) ctx.issues.push(issue(ctx.value, problem));
    }
    if (Buffer.byteLength(JSON.stringify(ctx.value)) > 256 * 1024) ctx.issues.push(issue(ctx.value, 'must be at most 256 KiB when serialized'));
  });

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** EnvVars: environment-variable name → string. */
export const envVars = (): z.ZodType<Record<string, string>> =>
  z.record(z.string(), z.string()).check((ctx) => {
    for (const key of Object.keys(ctx.value)) {
      if (key.length > 255 || !ENV_KEY.test(key)) ctx.issues.push(issue(ctx.value, `key '${key}' must match ${ENV_KEY.source} and be at most 255 characters`));
    }
  });

function issue(input: unknown, message: string): z.core.$ZodRawIssue {
  return { code: 'custom', input, message };
}
