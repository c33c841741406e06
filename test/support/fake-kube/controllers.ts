import type { KubeObject, OwnerReference } from './meta.ts';
import type { Registry } from './registry.ts';
import type { ResourceType } from './resources.ts';
import type { StoredObject } from './store.ts';

/**
 * The kube-controller-manager parts that deletion depends on: the namespace controller (empties a
 * Terminating namespace, then finalizes it) and the garbage collector (ownerReferences). Like the
 * real ones they act asynchronously: a pass runs a short delay after any change, so tests must
 * wait for the outcome (`settle()` awaits every pending pass).
 */
export class Controllers {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private endPass: () => void = () => undefined;
  private stopped = false;

  constructor(
    private readonly registry: Registry,
    private readonly delayMs: number,
  ) {
    registry.store.subscribe(() => this.schedule());
  }

  /** Resolves once no pass is pending: every cascade started so far has run to its end. */
  async settle(): Promise<void> {
    while (this.pass) await this.pass;
  }

  /** Cancels the pending pass (letting `settle()` return) and schedules no more. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.pass = undefined;
    this.endPass();
  }

  private schedule(): void {
    if (this.pass || this.stopped) return;
    this.pass = new Promise((resolve) => {
      this.endPass = resolve;
      this.timer = setTimeout(() => {
        this.pass = undefined;
        try {
          this.reconcileNamespaces();
          this.collectGarbage();
        } finally {
          resolve();
        }
      }, this.delayMs);
    });
  }

  /** One step per pass: delete what a Terminating namespace holds; once it is empty, finalize it (and so remove it). */
  private reconcileNamespaces(): void {
    const namespaces = this.registry.namespaces;
    const stored = this.registry.store.stored();
    for (const { resource, object: namespace } of stored) {
      if (resource !== namespaces || !namespace.metadata.deletionTimestamp) continue;
      const name = namespace.metadata.name!;
      const contents = stored.filter((s) => s.resource.namespaced && s.object.metadata.namespace === name);
      if (contents.length > 0) {
        for (const { resource, object } of contents) {
          if (!object.metadata.deletionTimestamp)
            this.attempt(() => this.registry.delete(resource, name, object.metadata.name!, { propagationPolicy: 'Background' }));
        }
      } else {
        this.attempt(() => this.registry.modify(namespaces, undefined, name, (ns) => ((ns['spec'] as { finalizers?: string[] }).finalizers = []), 'finalize'));
      }
    }
  }

  /**
   * Deletes dependents whose owners are all gone (Background), or whose owners wait for them
   * (Foreground); strips references to gone owners when another owner remains; and completes the
   * `orphan` and `foregroundDeletion` finalizers of owners being deleted.
   */
  private collectGarbage(): void {
    const all = this.registry.store.stored();
    const byUid = new Map(all.map((s) => [s.object.metadata.uid!, s]));
    for (const { resource, object } of all) {
      const refs = object.metadata.ownerReferences ?? [];
      if (refs.length === 0 || object.metadata.deletionTimestamp) continue;
      const states = refs.map((ref) => this.ownerState(ref, object, byUid));
      if (states.every((state) => state === 'solid')) continue;
      if (states.includes('solid')) {
        this.attempt(() =>
          this.registry.modify(resource, object.metadata.namespace, object.metadata.name!, (o) => {
            o.metadata.ownerReferences = refs.filter((_, i) => states[i] === 'solid');
          }),
        );
      } else {
        const propagationPolicy = states.includes('waiting') ? 'Foreground' : 'Background';
        this.attempt(() => this.registry.delete(resource, object.metadata.namespace, object.metadata.name!, { propagationPolicy }));
      }
    }
    const afterCollection = this.registry.store.stored();
    for (const { resource, object: owner } of afterCollection) {
      if (!owner.metadata.deletionTimestamp) continue;
      const uid = owner.metadata.uid!;
      const dependents = afterCollection.filter((s) => s.object.metadata.ownerReferences?.some((ref) => ref.uid === uid));
      if (owner.metadata.finalizers?.includes('orphan')) {
        for (const dependent of dependents) {
          this.attempt(() =>
            this.registry.modify(dependent.resource, dependent.object.metadata.namespace, dependent.object.metadata.name!, (o) => {
              o.metadata.ownerReferences = o.metadata.ownerReferences?.filter((ref) => ref.uid !== uid);
            }),
          );
        }
        this.removeFinalizer(resource, owner, 'orphan');
      }
      const blocking = dependents.some((d) => d.object.metadata.ownerReferences?.some((ref) => ref.uid === uid && ref.blockOwnerDeletion));
      if (owner.metadata.finalizers?.includes('foregroundDeletion') && !blocking) this.removeFinalizer(resource, owner, 'foregroundDeletion');
    }
  }

  /**
   * `solid`: the owner exists (or is of a kind this server does not serve, which the collector
   * cannot resolve, so leaves alone); `waiting`: it is being deleted in the foreground; `absent`:
   * no object has that uid, kind, name (and namespace).
   */
  private ownerState(ref: OwnerReference, dependent: KubeObject, byUid: Map<string, StoredObject>): 'solid' | 'waiting' | 'absent' {
    const ownerType = this.registry.typeOf(ref.apiVersion, ref.kind);
    if (!ownerType) return 'solid';
    const owner = byUid.get(ref.uid);
    if (!owner || owner.resource !== ownerType || owner.object.metadata.name !== ref.name) return 'absent';
    if (ownerType.namespaced && owner.object.metadata.namespace !== dependent.metadata.namespace) return 'absent';
    const waiting = owner.object.metadata.deletionTimestamp && owner.object.metadata.finalizers?.includes('foregroundDeletion');
    return waiting ? 'waiting' : 'solid';
  }

  private removeFinalizer(resource: ResourceType, object: KubeObject, finalizer: string): void {
    this.attempt(() =>
      this.registry.modify(resource, object.metadata.namespace, object.metadata.name!, (o) => {
        o.metadata.finalizers = o.metadata.finalizers?.filter((f) => f !== finalizer);
      }),
    );
  }

  /**
   * A controller's write can fail when its object changed or went away since the pass read it;
   * that change has scheduled another pass, which sees the new state.
   */
  private attempt(action: () => unknown): void {
    try {
      action();
    } catch {
      // Nothing to do until the next pass.
    }
  }
}
