import { badRequest, fieldInvalid, fieldRequired, fieldTooLong, type FieldError } from './errors.ts';

/** Objects as stored and served: plain JSON with a typed `metadata`. */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export type JsonMap = Record<string, unknown>;

export const isMap = (value: unknown): value is JsonMap => typeof value === 'object' && value !== null && !Array.isArray(value);

/** ObjectMeta's fields in the order the real server writes them; any other key is dropped on decode. */
const META_FIELDS = [
  'name',
  'generateName',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
] as const;

const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || (isMap(value) && Object.keys(value).length === 0);

function stringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isMap(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw badRequest(`json: cannot unmarshal into Go struct field ObjectMeta.metadata.${field} of type map[string]string`);
  }
  return value as Record<string, string>;
}

/**
 * Decodes metadata as Go's ObjectMeta does: unknown keys and empty values vanish (`omitempty`),
 * maps of labels and annotations must hold strings (else 400).
 */
export function decodeMeta(raw: unknown): ObjectMeta {
  if (raw !== undefined && raw !== null && !isMap(raw)) throw badRequest('json: cannot unmarshal metadata into Go value of type v1.ObjectMeta');
  const source: JsonMap = { ...(raw ?? {}), labels: stringMap(raw?.['labels'], 'labels'), annotations: stringMap(raw?.['annotations'], 'annotations') };
  const meta: JsonMap = {};
  // deletionGracePeriodSeconds is a pointer in Go: 0 is a value; generation 0 means unset.
  for (const field of META_FIELDS) if (!isEmpty(source[field]) && !(field === 'generation' && source[field] === 0)) meta[field] = source[field];
  return meta as ObjectMeta;
}

/** Decodes in place the metadata of an object and puts its keys in the server's order. */
export function withCanonicalMeta<T extends KubeObject>(object: T): T {
  const { apiVersion, kind, metadata, ...rest } = object;
  return { apiVersion, kind, metadata: decodeMeta(metadata), ...rest } as T;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export type NameRule = 'dns-label' | 'dns-subdomain' | 'path-segment';

function validateName(name: string, rule: NameRule, field: string): FieldError[] {
  switch (rule) {
    case 'dns-label':
      return name.length <= 63 && DNS_LABEL.test(name)
        ? []
        : [
            fieldInvalid(
              field,
              name,
              `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
            ),
          ];
    case 'dns-subdomain':
      return name.length <= 253 && DNS_SUBDOMAIN.test(name)
        ? []
        : [
            fieldInvalid(
              field,
              name,
              `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
            ),
          ];
    case 'path-segment':
      if (name === '.' || name === '..') return [fieldInvalid(field, name, `may not be '${name}'`)];
      return /[/%]/.test(name) ? [fieldInvalid(field, name, `may not contain '${name.includes('/') ? '/' : '%'}'`)] : [];
  }
}

/** `prefix/name` keys of labels, annotations and finalizers. */
function validateQualifiedName(key: string, field: string): FieldError[] {
  const parts = key.split('/');
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]!];
  if (parts.length > 2)
    return [
      fieldInvalid(
        field,
        key,
        `a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ),
    ];
  const errors: FieldError[] = [];
  if (prefix !== undefined && !(prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix))) {
    errors.push(
      fieldInvalid(
        field,
        key,
        `prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ),
    );
  }
  if (!NAME_PART.test(name)) {
    errors.push(
      fieldInvalid(
        field,
        key,
        `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ),
    );
  } else if (name.length > 63) errors.push(fieldInvalid(field, key, 'name part must be no more than 63 characters'));
  return errors;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);
const MAX_ANNOTATION_BYTES = 256 * 1024;

/** ObjectMeta validation shared by every type (ValidateObjectMeta). */
export function validateMeta(meta: ObjectMeta, nameRule: NameRule): FieldError[] {
  const errors: FieldError[] = [];
  if (!meta.name) errors.push(fieldRequired('metadata.name', 'name or generateName is required'));
  else errors.push(...validateName(meta.name, nameRule, 'metadata.name'));
  for (const [key, value] of Object.entries(meta.labels ?? {})) {
    errors.push(...validateQualifiedName(key, 'metadata.labels'));
    if (value.length > 63) errors.push(fieldInvalid('metadata.labels', value, 'must be no more than 63 characters'));
    else if (!LABEL_VALUE.test(value)) {
      errors.push(
        fieldInvalid(
          'metadata.labels',
          value,
          `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
        ),
      );
    }
  }
  let annotationBytes = 0;
  for (const [key, value] of Object.entries(meta.annotations ?? {})) {
    errors.push(...validateQualifiedName(key.toLowerCase(), 'metadata.annotations'));
    annotationBytes += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (annotationBytes > MAX_ANNOTATION_BYTES) errors.push(fieldTooLong('metadata.annotations', MAX_ANNOTATION_BYTES));
  (meta.finalizers ?? []).forEach((finalizer, i) => {
    const field = `metadata.finalizers[${i}]`;
    errors.push(...validateQualifiedName(finalizer, field));
    if (!finalizer.includes('/') && !STANDARD_FINALIZERS.has(finalizer)) {
      errors.push(fieldInvalid(field, finalizer, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  let controllers = 0;
  (meta.ownerReferences ?? []).forEach((ref, i) => {
    const field = `metadata.ownerReferences[${i}]`;
    if (!ref.apiVersion) errors.push(fieldInvalid(`${field}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errors.push(fieldInvalid(`${field}.kind`, ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errors.push(fieldInvalid(`${field}.name`, ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errors.push(fieldInvalid(`${field}.uid`, ref.uid ?? '', 'uid must not be empty'));
    if (ref.controller) controllers++;
  });
  if (controllers > 1) errors.push(fieldInvalid('metadata.ownerReferences', meta.ownerReferences, 'Only one reference can have Controller set to true'));
  return errors;
}

/** RFC 3339 at second precision, as the server writes timestamps. */
export const timestamp = (date = new Date()): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The characters and length `generateName` appends (k8s.io/apiserver names.SimpleNameGenerator). */
export function generateName(base: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += alphabet[Math.floor(Math.random() * alphabet.length)];
  return base.slice(0, 58) + suffix;
}
