import { retireDeletedProject } from '../domain/projects.ts';
import type { ReconcileContext } from './context.ts';
import { RequeueAfter } from './queue.ts';
import { loadProject, markNamespaceSeen } from './rows.ts';
import { canAdopt, desiredNamespace, labelledFor, metadataPatch, namespaceOwnedAnnotations } from './projections.ts';

/**
 * Project → Namespace (runtime.md §b.2): create it, adopt a managed one, keep its labels and
 * annotations in line, delete it when the project is deleted. Writes only what differs.
 *
 * A deleted project keeps its name as its id until its namespace is gone; then it is retired
 * (head-contract H1: the name can be used again) — a namespace still terminating keeps the name taken.
 */
export async function reconcileProject(c: ReconcileContext, id: string): Promise<void> {
  const project = await loadProject(c.pool, id);
  if (!project) return;
  const observed = await c.kube.observe('Namespace', project.name);

  if (project.deleted_at) {
    const ours = observed && labelledFor(observed.metadata, project);
    if (ours && !observed.metadata.deletionTimestamp) await c.kube.delete('Namespace', project.name);
    if (!ours && project.id === project.name) await retireDeletedProject(c.pool, project.id);
    return;
  }
  const desired = desiredNamespace(project);
  if (!observed) {
    await c.kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: desired.name, labels: desired.labels, annotations: desired.annotations } });
    if (!project.namespace_seen_at) await markNamespaceSeen(c.pool, id);
    return;
  }
  if (observed.metadata.deletionTimestamp || (observed.status as { phase?: string } | undefined)?.phase === 'Terminating') {
    throw new RequeueAfter(2000, `namespace ${project.name} is terminating; it is created again once gone`);
  }
  if (!canAdopt(observed.metadata, project)) {
    c.report('Project', 'NamespaceNotManaged', { project: id, namespace: project.name });
    return;
  }
  if (!project.namespace_seen_at) await markNamespaceSeen(c.pool, id);
  const patch = metadataPatch(desired, observed.metadata, namespaceOwnedAnnotations);
  if (patch) await c.kube.mergePatch('Namespace', project.name, undefined, { metadata: patch });
}
