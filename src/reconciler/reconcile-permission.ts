import type { ReconcileContext } from './context.ts';
import type { KubeObject } from './kube.ts';
import { RequeueAfter } from './queue.ts';
import { loadPermission } from './rows.ts';
import { deepEqual, desiredRoleBinding, metadataPatch, PERMISSION_ID, roleBindingName } from './projections.ts';

/** Whether a binding of the computed name belongs to this permission (or may be adopted by it). */
function isFor(binding: KubeObject, id: string, subjectName: string, subjects: unknown): boolean {
  const owner = binding.metadata.labels?.[PERMISSION_ID];
  if (owner === id) return true;
  if (owner) return binding.metadata.annotations?.['ambient-code.io/subject-name'] === subjectName;
  return deepEqual(binding.subjects, subjects); // legacy: same subject and role (the role is in the name)
}

/**
 * Permission → RoleBinding (runtime.md §b.2). The binding's name includes the role, and a
 * RoleBinding's roleRef is immutable: a role change creates the new binding first, then deletes
 * the old one. Bindings without our permission-id label are never touched, except a legacy
 * binding of exactly the computed name, subject and role, which is adopted.
 */
export async function reconcilePermission(c: ReconcileContext, id: string): Promise<void> {
  const permission = await loadPermission(c.pool, id);
  const ours = c.kube.cachedList('RoleBinding').filter((rb) => rb.metadata.labels?.[PERMISSION_ID] === id);
  if (!permission || permission.deleted_at || permission.project_deleted_at) {
    for (const binding of ours) await c.kube.delete('RoleBinding', binding.metadata.name, binding.metadata.namespace);
    return;
  }
  const namespace = permission.project_name;
  const computed = roleBindingName(permission);
  let observed = await c.kube.observe('RoleBinding', computed, namespace);
  const desiredHere = desiredRoleBinding(permission, computed, c.prefixes);
  // The computed name may be taken by someone else: another subject that sanitizes alike, or a
  // binding we do not manage for another subject. Then this permission uses the hashed suffix.
  const ourName = !observed || isFor(observed, id, permission.subject_name, desiredHere.subjects);
  const name = ourName ? computed : roleBindingName(permission, true);
  if (!ourName) observed = await c.kube.observe('RoleBinding', name, namespace);
  const desired = ourName ? desiredHere : desiredRoleBinding(permission, name, c.prefixes);

  if (!observed) {
    if (!(await c.kube.observe('Namespace', namespace))) throw new RequeueAfter(1000, `namespace ${namespace} does not exist yet`);
    await c.kube.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', ...desired });
  } else {
    // Ours, or a legacy binding of the same subject and role being adopted: align labels and subjects.
    const metadata = metadataPatch(desired.metadata, observed.metadata);
    const subjects = deepEqual(observed.subjects, desired.subjects) ? undefined : desired.subjects;
    if (metadata || subjects) await c.kube.mergePatch('RoleBinding', name, namespace, { ...(metadata ? { metadata } : {}), ...(subjects ? { subjects } : {}) });
  }
  for (const stale of ours) {
    if (stale.metadata.name !== name || stale.metadata.namespace !== namespace)
      await c.kube.delete('RoleBinding', stale.metadata.name, stale.metadata.namespace);
  }
}
