import type { ReconcileContext } from './context.ts';
import { RequeueAfter } from './queue.ts';
import { loadProject } from './rows.ts';
import { canAdopt, desiredNamespace, metadataPatch, namespaceOwnedAnnotations, PROJECT_ID } from './projections.ts';

/**
 * Project → Namespace (runtime.md §b.2): create it, adopt a managed one, keep its labels and
 * annotations in line, delete it when the project is deleted. Writes only what differs.
 */
export async function reconcileProject(c: ReconcileContext, id: string): Promise<void> {
  const project = await loadProject(c.pool, id);
  if (!project) return;
  const observed = await c.kube.observe('Namespace', project.name);

  if (project.deleted_at) {
    if (observed && observed.metadata.labels?.[PROJECT_ID] === id && !observed.metadata.deletionTimestamp) await c.kube.delete('Namespace', project.name);
    return;
  }
  const desired = desiredNamespace(project);
  if (!observed) {
    await c.kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: desired.name, labels: desired.labels, annotations: desired.annotations } });
    return;
  }
  if (observed.metadata.deletionTimestamp || (observed.status as { phase?: string } | undefined)?.phase === 'Terminating') {
    throw new RequeueAfter(2000, `namespace ${project.name} is terminating; it is created again once gone`);
  }
  if (!canAdopt(observed.metadata, id)) {
    c.report('Project', 'NamespaceNotManaged', { project: id, namespace: project.name });
    return;
  }
  const patch = metadataPatch(desired, observed.metadata, namespaceOwnedAnnotations);
  if (patch) await c.kube.mergePatch('Namespace', project.name, undefined, { metadata: patch });
}
