import type { KubeObject } from './meta.ts';
import type { ResourceType } from './resources.ts';

/**
 * Objects by resource, namespace and name, under one global, increasing resourceVersion (as
 * etcd's revision), with a bounded history of changes for watches to replay.
 *
 * A stored object is never changed after its commit (a change stores a new copy), so the
 * in-process controllers may read the stored objects themselves (`stored()`); everything handed to
 * a client or a test is a copy.
 */

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  resource: ResourceType;
  /** The new state; for DELETED, the last state carrying the deletion's resourceVersion. */
  object: KubeObject;
  /** The state before the change (absent for ADDED): lets a watch tell an object leaving its selector. */
  previous?: KubeObject;
  resourceVersion: number;
}

export interface StoredObject {
  resource: ResourceType;
  object: KubeObject;
}

/** Where the revision starts, so that a client's small made-up resourceVersion is "too old", as on a real cluster. */
const FIRST_RESOURCE_VERSION = 100;

export class Store {
  private revision = FIRST_RESOURCE_VERSION;
  private readonly objects = new Map<string, StoredObject>();
  private history: StoreEvent[] = [];
  /** Every change after this revision is still in `history`. */
  private compactedRevision = FIRST_RESOURCE_VERSION;
  private readonly listeners = new Set<(event: StoreEvent) => void>();

  constructor(private readonly historyLimit: number) {}

  get resourceVersion(): number {
    return this.revision;
  }

  get oldestResourceVersion(): number {
    return this.compactedRevision;
  }

  get(resource: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const stored = this.objects.get(key(resource, namespace, name));
    return stored && structuredClone(stored.object);
  }

  /** Copies of the objects of one resource (in one namespace, or all) in etcd key order: namespace, then name. */
  list(resource: ResourceType, namespace?: string): KubeObject[] {
    return [...this.objects.entries()]
      .filter(([, s]) => s.resource === resource && (namespace === undefined || s.object.metadata.namespace === namespace))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, s]) => structuredClone(s.object));
  }

  /** Every stored object as of now, not copied (see above): to read, never to change. */
  stored(): readonly StoredObject[] {
    return [...this.objects.values()];
  }

  create(resource: ResourceType, object: KubeObject): KubeObject {
    return this.commit('ADDED', resource, object, undefined);
  }

  replace(resource: ResourceType, object: KubeObject): KubeObject {
    return this.commit('MODIFIED', resource, object, this.get(resource, object.metadata.namespace, object.metadata.name!));
  }

  remove(resource: ResourceType, lastState: KubeObject): KubeObject {
    return this.commit('DELETED', resource, lastState, this.get(resource, lastState.metadata.namespace, lastState.metadata.name!));
  }

  /** Forgets all history: a watch from any earlier resourceVersion then gets 410 Expired. */
  compact(): void {
    this.history = [];
    this.compactedRevision = this.revision;
  }

  /** The changes after `resourceVersion`, or undefined when some of them were compacted away. */
  eventsSince(resourceVersion: number): StoreEvent[] | undefined {
    if (resourceVersion < this.compactedRevision) return undefined;
    return this.history.filter((e) => e.resourceVersion > resourceVersion);
  }

  /** Calls `listener` synchronously after every change; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private commit(type: EventType, resource: ResourceType, object: KubeObject, previous: KubeObject | undefined): KubeObject {
    const k = key(resource, object.metadata.namespace, object.metadata.name!);
    const stored = structuredClone(object);
    stored.metadata.resourceVersion = String(++this.revision);
    if (type === 'DELETED') this.objects.delete(k);
    else this.objects.set(k, { resource, object: stored });
    const event: StoreEvent = { type, resource, object: stored, resourceVersion: this.revision, ...(previous ? { previous } : {}) };
    this.history.push(event);
    if (this.history.length > this.historyLimit) this.compactedRevision = this.history.shift()!.resourceVersion;
    for (const listener of [...this.listeners]) listener(event);
    return structuredClone(stored);
  }
}

function key(resource: ResourceType, namespace: string | undefined, name: string): string {
  return `${resource.group}/${resource.plural}/${namespace ?? ''}/${name}`;
}
