import { randomUUID } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import {
  alreadyExists,
  ApiError,
  badRequest,
  conflict,
  fieldForbidden,
  fieldNotSupported,
  invalid,
  namespaceTerminating,
  notFound,
  staleObject,
  unsupportedMediaType,
  type FieldError,
} from './errors.ts';
import { decodeMeta, generateName, isMap, timestamp, validateMeta, withCanonicalMeta, type KubeObject } from './meta.ts';
import { applyPatch, canonical, jsonPatch, mergePatch, PATCH_TYPES, strategicMergePatch } from './patch.ts';
import type { ResourceType } from './resources.ts';
import { applyDefaults, prune, validate } from './schema.ts';
import type { Store } from './store.ts';

/**
 * The API semantics on top of the store: what create, update, patch and delete do to an object
 * (server-set fields, schema, validation, optimistic concurrency, the status subresource,
 * finalizers), and the errors they answer.
 */

/** Which part of an object a write may change: the main resource, a subresource, or (seeding) all of it. */
export type WriteScope = 'main' | 'status' | 'finalize' | 'seed';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface DeleteResult {
  /** The deleted object's last state, or the object now waiting for its finalizers. */
  object: KubeObject;
  /** Gone now (rather than marked for deletion). */
  deleted: boolean;
}

const GC_FINALIZERS: Record<PropagationPolicy, string | undefined> = { Background: undefined, Foreground: 'foregroundDeletion', Orphan: 'orphan' };

const isDeleting = (object: KubeObject): boolean => object.metadata.deletionTimestamp !== undefined;

/** The fields `generation` tracks: all but metadata (and status, when it is a subresource). */
function specOf(resource: ResourceType, object: KubeObject): string {
  const { metadata: _metadata, status, ...rest } = object;
  return JSON.stringify(canonical(resource.subresources.includes('status') ? rest : { ...rest, status }));
}

const sameObject = (a: KubeObject, b: KubeObject): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

function specFinalizers(object: KubeObject): string[] {
  const spec = object['spec'];
  return isMap(spec) && Array.isArray(spec['finalizers']) ? (spec['finalizers'] as string[]) : [];
}

export class Registry {
  constructor(
    readonly store: Store,
    readonly types: ResourceType[],
  ) {}

  get namespaces(): ResourceType {
    return this.types.find((t) => t.group === '' && t.plural === 'namespaces')!;
  }

  /** The type an `apiVersion` + `kind` (an owner reference, a seeded object) names. */
  typeOf(apiVersion: string, kind: string): ResourceType | undefined {
    return this.types.find((t) => t.apiVersion === apiVersion && t.kind === kind);
  }

  read(resource: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const object = this.store.get(resource, namespace, name);
    if (!object) throw notFound(resource, name);
    return object;
  }

  create(resource: ResourceType, namespace: string | undefined, body: unknown, scope: 'main' | 'seed' = 'main'): KubeObject {
    const object = this.decode(resource, body);
    const meta = object.metadata;
    this.checkNamespace(resource, object, namespace);
    if (meta.resourceVersion) throw new ApiError(500, undefined, 'resourceVersion should not be set on objects to be created');
    if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName);
    meta.uid = randomUUID();
    meta.creationTimestamp = timestamp();
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    if (resource.custom) meta.generation = 1;
    else delete meta.generation;
    // With a status subresource, status is the controller's: what a create sends is dropped.
    if (resource.custom && resource.subresources.includes('status') && scope !== 'seed') delete object['status'];
    const admitted = this.admit(resource, object, undefined);
    this.requireLiveNamespace(resource, admitted);
    if (this.store.get(resource, admitted.metadata.namespace, admitted.metadata.name!)) throw alreadyExists(resource, admitted.metadata.name!);
    return this.store.create(resource, admitted);
  }

  /** PUT: a full replacement, conditional on metadata.resourceVersion when given (required for custom resources). */
  update(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    scope: WriteScope = 'main',
  ): { object: KubeObject; created: boolean } {
    const object = this.decode(resource, body);
    if (object.metadata.name !== name) throw badRequest(`the name of the object (${object.metadata.name ?? ''}) does not match the name on the URL (${name})`);
    this.checkNamespace(resource, object, namespace);
    const existing = this.store.get(resource, namespace, name);
    if (!existing) {
      if (!resource.allowCreateOnUpdate || scope !== 'main') throw notFound(resource, name);
      if (object.metadata.resourceVersion) throw staleObject(resource, name);
      return { object: this.create(resource, namespace, object), created: true };
    }
    if (!object.metadata.resourceVersion && resource.custom && scope !== 'seed') {
      throw invalid(resource, name, [
        { reason: 'FieldValueInvalid', message: 'Invalid value: 0x0: must be specified for an update', field: 'metadata.resourceVersion' },
      ]);
    }
    return { object: this.write(resource, existing, object, scope), created: false };
  }

  /** PATCH by content type; server-side apply creates a missing object (then `created`). */
  patch(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    contentType: string,
    body: string,
    options: { fieldManager?: string; scope: 'main' | 'status' },
  ): { object: KubeObject; created: boolean } {
    const accepted = resource.custom ? [PATCH_TYPES.json, PATCH_TYPES.merge, PATCH_TYPES.apply] : Object.values(PATCH_TYPES);
    if (!(accepted as string[]).includes(contentType)) throw unsupportedMediaType(accepted);
    if (contentType === PATCH_TYPES.apply && !options.fieldManager) {
      throw new ApiError(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', {
        group: 'meta.k8s.io',
        kind: 'PatchOptions',
        causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }],
      });
    }
    let patch: unknown;
    try {
      patch = contentType === PATCH_TYPES.apply ? parseYaml(body) : JSON.parse(body);
    } catch (error) {
      throw badRequest(`error decoding patch: ${(error as Error).message}`);
    }
    if (contentType === PATCH_TYPES.apply) this.checkApplied(resource, name, patch);
    const existing = this.store.get(resource, namespace, name);
    if (!existing) {
      if (contentType !== PATCH_TYPES.apply || options.scope !== 'main') throw notFound(resource, name);
      return { object: this.create(resource, namespace, patch), created: true };
    }
    const patched =
      contentType === PATCH_TYPES.merge
        ? mergePatch(existing, patch)
        : contentType === PATCH_TYPES.json
          ? jsonPatch(existing, patch)
          : contentType === PATCH_TYPES.strategic
            ? strategicMergePatch(existing, patch)
            : applyPatch(existing, patch);
    const object = this.decode(resource, patched);
    if (object.metadata.name !== undefined && object.metadata.name !== name) {
      throw badRequest(`the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`);
    }
    this.checkNamespace(resource, object, namespace);
    return { object: this.write(resource, existing, object, options.scope), created: false };
  }

  /** Reads the current object, lets `change` edit a copy, and writes it unconditionally (controllers, tests). */
  modify(resource: ResourceType, namespace: string | undefined, name: string, change: (object: KubeObject) => void, scope: WriteScope = 'main'): KubeObject {
    const existing = this.read(resource, namespace, name);
    const object = structuredClone(existing);
    change(object);
    return this.write(resource, existing, this.decode(resource, object), scope);
  }

  delete(resource: ResourceType, namespace: string | undefined, name: string, options: DeleteOptions = {}): DeleteResult {
    const existing = this.read(resource, namespace, name);
    const { uid, resourceVersion } = options.preconditions ?? {};
    if (uid && uid !== existing.metadata.uid)
      throw conflict(resource, name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${existing.metadata.uid}`);
    if (resourceVersion && resourceVersion !== existing.metadata.resourceVersion) {
      throw conflict(
        resource,
        name,
        `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`,
      );
    }
    const policy = options.propagationPolicy ?? (options.orphanDependents ? 'Orphan' : 'Background');
    if (!(policy in GC_FINALIZERS)) {
      throw new ApiError(
        422,
        'Invalid',
        `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`,
        {
          group: 'meta.k8s.io',
          kind: 'DeleteOptions',
          causes: [fieldNotSupported('propagationPolicy', policy, ['Foreground', 'Background', 'Orphan'])],
        },
      );
    }
    if (isDeleting(existing)) return { object: existing, deleted: false };
    const next = structuredClone(existing);
    const meta = next.metadata;
    if (resource.subresources.includes('finalize')) {
      // A namespace turns Terminating; the namespace controller empties it, then finalizes it.
      next['status'] = { ...(isMap(next['status']) ? next['status'] : {}), phase: 'Terminating' };
    } else {
      const gcFinalizer = GC_FINALIZERS[policy];
      if (gcFinalizer && !meta.finalizers?.includes(gcFinalizer)) meta.finalizers = [...(meta.finalizers ?? []), gcFinalizer];
      meta.deletionGracePeriodSeconds = 0;
      if (meta.generation) meta.generation++;
    }
    meta.deletionTimestamp = timestamp();
    if (this.finalized(resource, next)) return { object: this.store.remove(resource, existing), deleted: true };
    return { object: this.store.replace(resource, next), deleted: false };
  }

  private finalized(resource: ResourceType, object: KubeObject): boolean {
    return !object.metadata.finalizers?.length && !(resource.subresources.includes('finalize') && specFinalizers(object).length > 0);
  }

  /**
   * Replaces `existing` with `candidate` within `scope`: the server keeps its system fields, the
   * parts outside the scope, and skips no-op writes (no new resourceVersion, no event).
   */
  private write(resource: ResourceType, existing: KubeObject, candidate: KubeObject, scope: WriteScope): KubeObject {
    const name = existing.metadata.name!;
    const given = candidate.metadata;
    if (given.resourceVersion && given.resourceVersion !== existing.metadata.resourceVersion) throw staleObject(resource, name);
    if (given.uid && given.uid !== existing.metadata.uid)
      throw conflict(resource, name, `Precondition failed: UID in precondition: ${given.uid}, UID in object meta: ${existing.metadata.uid}`);
    const system = [
      'name',
      'namespace',
      'uid',
      'resourceVersion',
      'generation',
      'creationTimestamp',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
    ] as const;
    const meta = { ...given };
    for (const field of system) {
      if (existing.metadata[field] === undefined) Reflect.deleteProperty(meta, field);
      else (meta as Record<string, unknown>)[field] = existing.metadata[field];
    }
    let next: KubeObject;
    if (scope === 'status') {
      next = structuredClone(existing);
      if (candidate['status'] === undefined) delete next['status'];
      else next['status'] = candidate['status'];
    } else if (scope === 'finalize') {
      next = structuredClone(existing);
      next['spec'] = { ...(isMap(next['spec']) ? next['spec'] : {}), finalizers: specFinalizers(candidate) };
    } else {
      next = { ...candidate, metadata: meta };
      if (scope === 'main' && resource.subresources.includes('status')) {
        if (existing['status'] === undefined) delete next['status'];
        else next['status'] = structuredClone(existing['status']);
      }
      if (scope === 'main' && resource.subresources.includes('finalize'))
        next['spec'] = { ...(isMap(next['spec']) ? next['spec'] : {}), finalizers: specFinalizers(existing) };
    }
    const admitted = this.admit(resource, next, existing);
    if (resource.custom && specOf(resource, admitted) !== specOf(resource, existing)) admitted.metadata.generation = (existing.metadata.generation ?? 0) + 1;
    if (sameObject(admitted, existing)) return existing;
    if (isDeleting(existing) && this.finalized(resource, admitted)) return this.store.remove(resource, admitted);
    return this.store.replace(resource, admitted);
  }

  /** Decodes a request body into an object of `resource` (400 when it is not one). */
  private decode(resource: ResourceType, body: unknown): KubeObject {
    if (!isMap(body)) throw badRequest(`the object provided is unrecognized (must be of type ${resource.kind})`);
    const { apiVersion, kind } = body;
    if (resource.custom && !kind) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
    if (kind !== undefined && kind !== resource.kind)
      throw badRequest(`the kind in the data (${String(kind)}) does not match the expected kind (${resource.kind})`);
    if (apiVersion !== undefined && apiVersion !== resource.apiVersion) {
      throw badRequest(`the API version in the data (${String(apiVersion)}) does not match the expected API version (${resource.apiVersion})`);
    }
    return withCanonicalMeta(structuredClone({ ...body, apiVersion: resource.apiVersion, kind: resource.kind, metadata: decodeMeta(body['metadata']) }));
  }

  private checkNamespace(resource: ResourceType, object: KubeObject, namespace: string | undefined): void {
    if (!resource.namespaced) {
      delete object.metadata.namespace;
      return;
    }
    if (object.metadata.namespace && object.metadata.namespace !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    object.metadata.namespace = namespace;
  }

  /** NamespaceLifecycle admission: new content needs a namespace that exists and is not terminating. */
  private requireLiveNamespace(resource: ResourceType, object: KubeObject): void {
    if (!resource.namespaced) return;
    const namespace = this.store.get(this.namespaces, undefined, object.metadata.namespace!);
    if (!namespace) throw notFound(this.namespaces, object.metadata.namespace!);
    if (isDeleting(namespace)) throw namespaceTerminating(resource, object.metadata.name!, object.metadata.namespace!);
  }

  /** The type's defaults, the CRD schema (prune, default, validate) and every validation rule; 422 on failure. */
  private admit(resource: ResourceType, object: KubeObject, existing: KubeObject | undefined): KubeObject {
    resource.prepare(object, existing);
    if (resource.schema) {
      prune(object, resource.schema);
      applyDefaults(object, resource.schema);
    }
    const errors: FieldError[] = [
      ...validateMeta(object.metadata, resource.nameRule),
      ...(resource.schema ? validate(object, resource.schema) : []),
      ...resource.validate(object, existing),
    ];
    if (existing && isDeleting(existing)) {
      const added = (object.metadata.finalizers ?? []).filter((f) => !existing.metadata.finalizers?.includes(f));
      if (added.length > 0) {
        errors.push(
          fieldForbidden(
            'metadata.finalizers',
            `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`,
          ),
        );
      }
    }
    if (errors.length > 0) throw invalid(resource, object.metadata.name ?? '', errors);
    return object;
  }

  /**
   * Server-side apply decodes the applied configuration against the schema: it must name its
   * type and object, and a field the schema does not declare is a 500 (without a reason), where
   * every other write prunes it silently.
   */
  private checkApplied(resource: ResourceType, name: string, applied: unknown): void {
    if (!isMap(applied) || !applied['apiVersion'] || !applied['kind']) throw badRequest('error decoding YAML: apply patch must name apiVersion and kind');
    const appliedName = isMap(applied['metadata']) ? applied['metadata']['name'] : undefined;
    if (appliedName !== name) throw badRequest(`the name of the object (${String(appliedName ?? '')}) does not match the name on the URL (${name})`);
    if (!resource.schema) return;
    const unknown = prune(structuredClone(applied), resource.schema);
    if (unknown.length > 0) {
      throw new ApiError(
        500,
        undefined,
        `failed to create typed patch object (${resource.apiVersion}, Kind=${resource.kind}): ${unknown[0]}: field not declared in schema`,
      );
    }
  }
}
