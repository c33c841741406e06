import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { badRequest, fieldInvalid, fieldNotSupported, fieldRequired, type FieldError, type GroupResource } from './errors.ts';
import { isMap, type JsonMap, type KubeObject, type NameRule } from './meta.ts';
import type { Schema } from './schema.ts';

/**
 * The resource types the fake serves: a few built-ins with the server-side rules of their Go
 * strategies, and custom resources loaded from CRD manifests.
 */
export interface ResourceType extends GroupResource {
  version: string;
  /** `v1` or `group/version`. */
  apiVersion: string;
  kind: string;
  listKind: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** A custom resource (unstructured, schema-driven, with generation) rather than a typed built-in. */
  custom: boolean;
  subresources: ('status' | 'finalize')[];
  /** PUT of a missing object creates it (true for RBAC objects only). */
  allowCreateOnUpdate: boolean;
  /** The fields a fieldSelector may name. */
  fieldLabels: string[];
  nameRule: NameRule;
  schema?: Schema;
  /** Fills server-set fields and defaults of a built-in on every write (`old` on updates). */
  prepare(object: KubeObject, old: KubeObject | undefined): void;
  /** Type-specific validation beyond ObjectMeta and the schema. */
  validate(object: KubeObject, old: KubeObject | undefined): FieldError[];
}

const RBAC = 'rbac.authorization.k8s.io';
const OBJECT_FIELDS = ['metadata.name', 'metadata.namespace'];

type BuiltinSpec = Pick<ResourceType, 'group' | 'version' | 'kind' | 'plural' | 'namespaced'> &
  Partial<Pick<ResourceType, 'shortNames' | 'subresources' | 'allowCreateOnUpdate' | 'fieldLabels' | 'nameRule' | 'prepare' | 'validate'>> & {
    /** The top-level fields of the Go type; decoding drops any other. */
    fields: string[];
  };

/**
 * Typed objects lose what Go's decoder and `omitempty` lose: unknown top-level fields, nulls,
 * empty lists and empty maps (the real server never returns `subjects: []`).
 */
function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmpty);
  if (!isMap(value)) return value;
  const result: JsonMap = {};
  for (const [key, child] of Object.entries(value)) {
    const cleaned = dropEmpty(child);
    if (!isEmpty(cleaned)) result[key] = cleaned;
  }
  return result;
}

const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (isMap(value) && Object.keys(value).length === 0);

function builtin(spec: BuiltinSpec): ResourceType {
  const { fields, prepare, ...rest } = spec;
  const apiVersion = spec.group ? `${spec.group}/${spec.version}` : spec.version;
  return {
    apiVersion,
    listKind: `${spec.kind}List`,
    singular: spec.kind.toLowerCase(),
    shortNames: [],
    custom: false,
    subresources: [],
    allowCreateOnUpdate: false,
    fieldLabels: OBJECT_FIELDS,
    nameRule: 'dns-subdomain',
    validate: () => [],
    ...rest,
    prepare(object, old) {
      for (const key of Object.keys(object)) {
        if (key === 'apiVersion' || key === 'kind' || key === 'metadata') continue;
        const value = dropEmpty(object[key]);
        if (fields.includes(key) && !isEmpty(value)) object[key] = value;
        else Reflect.deleteProperty(object, key);
      }
      prepare?.(object, old);
    },
  };
}

const mapAt = (object: JsonMap, key: string): JsonMap => (isMap(object[key]) ? object[key] : (object[key] = {}));

const namespaces = builtin({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  namespaced: false,
  shortNames: ['ns'],
  subresources: ['status', 'finalize'],
  fieldLabels: [...OBJECT_FIELDS, 'status.phase'],
  nameRule: 'dns-label',
  fields: ['spec', 'status'],
  prepare(object, old) {
    // spec and status are structs, not pointers, in Go: always present, if empty.
    const spec = mapAt(object, 'spec');
    mapAt(object, 'status');
    // On updates spec.finalizers and status change only through /finalize and /status (see the registry).
    if (old) return;
    const finalizers = Array.isArray(spec['finalizers']) ? (spec['finalizers'] as string[]) : [];
    spec['finalizers'] = finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'];
    object['status'] = { phase: 'Active' };
  },
});

const secrets = builtin({
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
  fieldLabels: [...OBJECT_FIELDS, 'type'],
  fields: ['data', 'stringData', 'type', 'immutable'],
  prepare(object) {
    const data = isMap(object['data']) ? object['data'] : {};
    for (const [key, value] of Object.entries(data)) {
      if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) {
        throw badRequest(`Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0 (key ${key})`);
      }
    }
    // stringData is write-only: merged into data, never stored.
    for (const [key, value] of Object.entries(isMap(object['stringData']) ? object['stringData'] : {}))
      data[key] = Buffer.from(String(value)).toString('base64');
    delete object['stringData'];
    if (Object.keys(data).length > 0) object['data'] = data;
    object['type'] ??= 'Opaque';
  },
  validate(object, old) {
    const errors = Object.keys(isMap(object['data']) ? object['data'] : {})
      .filter((key) => !/^[-._a-zA-Z0-9]+$/.test(key))
      .map((key) =>
        fieldInvalid(
          `data[${key}]`,
          key,
          "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        ),
      );
    if (old && old['type'] !== object['type']) errors.push(fieldInvalid('type', object['type'], 'field is immutable'));
    return errors;
  },
});

/** Subjects and roleRef defaults (SetDefaults_Subject, SetDefaults_RoleBinding) and validation. */
function prepareBinding(object: KubeObject): void {
  const roleRef = mapAt(object, 'roleRef');
  if (!roleRef['apiGroup']) roleRef['apiGroup'] = RBAC;
  for (const subject of Array.isArray(object['subjects']) ? object['subjects'] : []) {
    if (isMap(subject) && !subject['apiGroup'] && subject['kind'] !== 'ServiceAccount') subject['apiGroup'] = RBAC;
  }
}

function validateBinding(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const roleRef = object['roleRef'] as JsonMap;
  if (roleRef['apiGroup'] !== RBAC) errors.push(fieldNotSupported('roleRef.apiGroup', roleRef['apiGroup'], [RBAC]));
  if (roleRef['kind'] !== 'Role' && roleRef['kind'] !== 'ClusterRole')
    errors.push(fieldNotSupported('roleRef.kind', roleRef['kind'] ?? '', ['Role', 'ClusterRole']));
  if (!roleRef['name']) errors.push(fieldRequired('roleRef.name'));
  const subjects = Array.isArray(object['subjects']) ? (object['subjects'] as JsonMap[]) : [];
  subjects.forEach((subject, i) => {
    const field = `subjects[${i}]`;
    if (!subject['name']) errors.push(fieldRequired(`${field}.name`));
    if (subject['kind'] === 'ServiceAccount') {
      if (subject['apiGroup']) errors.push(fieldNotSupported(`${field}.apiGroup`, subject['apiGroup'], ['']));
    } else if (subject['kind'] === 'User' || subject['kind'] === 'Group') {
      if (subject['apiGroup'] !== RBAC) errors.push(fieldNotSupported(`${field}.apiGroup`, subject['apiGroup'], [RBAC]));
    } else errors.push(fieldNotSupported(`${field}.kind`, subject['kind'] ?? '', ['ServiceAccount', 'User', 'Group']));
  });
  if (old && JSON.stringify(old['roleRef']) !== JSON.stringify(roleRef)) errors.push(fieldInvalid('roleRef', roleRef, 'cannot change roleRef'));
  return errors;
}

const roleBindings = builtin({
  group: RBAC,
  version: 'v1',
  kind: 'RoleBinding',
  plural: 'rolebindings',
  namespaced: true,
  allowCreateOnUpdate: true,
  nameRule: 'path-segment',
  fields: ['subjects', 'roleRef'],
  prepare: prepareBinding,
  validate: validateBinding,
});

const clusterRoles = builtin({
  group: RBAC,
  version: 'v1',
  kind: 'ClusterRole',
  plural: 'clusterroles',
  namespaced: false,
  allowCreateOnUpdate: true,
  nameRule: 'path-segment',
  fields: ['rules', 'aggregationRule'],
  validate: (object) =>
    (Array.isArray(object['rules']) ? (object['rules'] as JsonMap[]) : []).flatMap((rule, i) =>
      Array.isArray(rule['verbs']) && rule['verbs'].length > 0 ? [] : [fieldRequired(`rules[${i}].verbs`, 'verbs must contain at least one value')],
    ),
});

/** What the operator creates per session (runtime.md §d rows 15–16 read them); no controllers run them. */
const pods = builtin({
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  namespaced: true,
  shortNames: ['po'],
  subresources: ['status'],
  fieldLabels: [...OBJECT_FIELDS, 'spec.nodeName', 'spec.serviceAccountName', 'status.phase', 'status.podIP'],
  fields: ['spec', 'status'],
  prepare(object, old) {
    // A new pod starts Pending; its status changes only through /status (or seeding).
    if (!old) object['status'] = isMap(object['status']) && object['status']['phase'] ? object['status'] : { phase: 'Pending' };
  },
});

const services = builtin({
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  namespaced: true,
  shortNames: ['svc'],
  subresources: ['status'],
  nameRule: 'dns-label',
  fields: ['spec', 'status'],
});

const serviceAccounts = builtin({
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  namespaced: true,
  shortNames: ['sa'],
  fields: ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
});

/** core/v1 Events, with the field labels the real server offers for them. */
const events = builtin({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  namespaced: true,
  shortNames: ['ev'],
  fieldLabels: [
    ...OBJECT_FIELDS,
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  fields: [
    'involvedObject',
    'reason',
    'message',
    'source',
    'firstTimestamp',
    'lastTimestamp',
    'count',
    'type',
    'eventTime',
    'series',
    'action',
    'related',
    'reportingComponent',
    'reportingInstance',
  ],
});

const roles = builtin({
  group: RBAC,
  version: 'v1',
  kind: 'Role',
  plural: 'roles',
  namespaced: true,
  allowCreateOnUpdate: true,
  nameRule: 'path-segment',
  fields: ['rules'],
});

export const BUILTIN_TYPES: ResourceType[] = [namespaces, secrets, roleBindings, clusterRoles, pods, services, serviceAccounts, events, roles];

interface CrdVersion {
  name: string;
  served?: boolean;
  subresources?: { status?: unknown };
  schema?: { openAPIV3Schema?: Schema };
}

/** Reads CustomResourceDefinition manifests (apiextensions.k8s.io/v1) into one type per served version. */
export function loadCrdTypes(file: string): ResourceType[] {
  const types: ResourceType[] = [];
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const crd = document.toJS() as JsonMap | null;
    if (crd?.['kind'] !== 'CustomResourceDefinition') continue;
    const spec = crd['spec'] as { group: string; scope: string; names: Record<string, unknown>; versions: CrdVersion[] };
    const names = spec.names as { kind: string; listKind?: string; plural: string; singular?: string; shortNames?: string[] };
    for (const version of spec.versions.filter((v) => v.served !== false)) {
      types.push({
        group: spec.group,
        version: version.name,
        apiVersion: `${spec.group}/${version.name}`,
        kind: names.kind,
        listKind: names.listKind ?? `${names.kind}List`,
        plural: names.plural,
        singular: names.singular ?? names.kind.toLowerCase(),
        shortNames: names.shortNames ?? [],
        namespaced: spec.scope === 'Namespaced',
        custom: true,
        subresources: version.subresources?.status === undefined ? [] : ['status'],
        allowCreateOnUpdate: false,
        fieldLabels: OBJECT_FIELDS,
        nameRule: 'dns-subdomain',
        ...(version.schema?.openAPIV3Schema ? { schema: version.schema.openAPIV3Schema } : {}),
        prepare: () => undefined,
        validate: () => [],
      });
    }
  }
  if (types.length === 0) throw new Error(`${file}: no served CustomResourceDefinition version`);
  return types;
}
