import fs from 'node:fs';
import https from 'node:https';
import { CustomObjectsApi, KubeConfig, KubernetesObjectApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { parseAllDocuments, stringify } from 'yaml';
import { FakeKube, kubeConfigFor, type KubeObject, PROJECT_CRD } from '../support/fake-kube/index.ts';

/**
 * The Kubernetes API server the reconciler tests run against: the project's faithful fake (always),
 * or a real kube-apiserver when REAL_KUBE_URL and REAL_KUBE_TOKEN are set
 * (`scripts/real-kube-tests.sh`). Tests reach it only through this interface; the fake-only
 * controls (faults, dropped watches, compaction, request log) are absent on the real one, and the
 * tests that need them are skipped there.
 */
export interface Cluster {
  kubeConfig: KubeConfig;
  url: string;
  token: string;
  get(kind: string, namespace: string | undefined, name: string): Promise<KubeObject | undefined>;
  /** Creates or replaces an object, status included (playing the operator). */
  seed(object: KubeObject): Promise<void>;
  /** Deletes an object outside the API (drift). */
  remove(kind: string, namespace: string | undefined, name: string): Promise<void>;
  fake: FakeKube | undefined;
  close(): Promise<void>;
}

export const REAL_KUBE = Boolean(process.env['REAL_KUBE_URL']);

const TYPES: Record<string, { apiVersion: string; kind: string }> = {
  namespaces: { apiVersion: 'v1', kind: 'Namespace' },
  rolebindings: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' },
  agenticsessions: { apiVersion: 'vteam.ambient-code/v1alpha1', kind: 'AgenticSession' },
};

const pluralOf = (kind: string) => Object.keys(TYPES).find((plural) => TYPES[plural]!.kind === kind)!;

export async function openCluster(): Promise<Cluster> {
  if (!REAL_KUBE) {
    const fake = await FakeKube.start();
    fake.seedManifest(new URL('../../deploy/rbac/project-roles.yaml', import.meta.url).pathname);
    return {
      kubeConfig: kubeConfigFor(fake),
      url: fake.url,
      token: fake.token,
      get: async (kind, namespace, name) => fake.get(kind, namespace, name),
      seed: async (object) => void fake.seed(object),
      remove: async (kind, namespace, name) => {
        const { apiVersion } = TYPES[kind]!;
        const path = apiVersion === 'v1' ? '/api/v1' : `/apis/${apiVersion}`;
        await fetch(`${fake.url}${path}${namespace ? `/namespaces/${namespace}` : ''}/${kind}/${name}`, {
          method: 'DELETE',
          headers: { Authorization: `Bearer ${fake.token}` },
        });
      },
      fake,
      close: () => fake.close(),
    };
  }
  const url = process.env['REAL_KUBE_URL']!;
  const token = process.env['REAL_KUBE_TOKEN']!;
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'real', server: url, skipTLSVerify: true }],
    users: [{ name: 'admin', token }],
    contexts: [{ name: 'real', cluster: 'real', user: 'admin' }],
    currentContext: 'real',
  });
  const api = KubernetesObjectApi.makeApiClient(kubeConfig);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const spec = (kind: string, namespace: string | undefined, name: string) => ({ ...TYPES[kind]!, metadata: { name, ...(namespace ? { namespace } : {}) } });
  const get = async (kind: string, namespace: string | undefined, name: string) => {
    try {
      return (await api.read(spec(kind, namespace, name))) as unknown as KubeObject;
    } catch (error) {
      if ((error as { code?: number }).code === 404) return undefined;
      throw error;
    }
  };
  // The CRD and the project roles exactly as deploy/ ships them: server-side apply of each document
  // as written. The typed client would round-trip them through its models, which drop every
  // `default:` and `enum` of the CRD schema, so the real server would check a weaker schema.
  for (const file of [PROJECT_CRD, new URL('../../deploy/rbac/project-roles.yaml', import.meta.url).pathname]) {
    for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) await applyManifest(url, token, doc.toJS() as KubeObject);
  }
  await new Promise((r) => setTimeout(r, 2000)); // the CRD's endpoints are served shortly after it is established
  return {
    kubeConfig,
    url,
    token,
    get,
    async seed(object) {
      const { status, ...rest } = object as KubeObject & { status?: unknown };
      const existing = await get(pluralOf(object.kind!), object.metadata.namespace, object.metadata.name!);
      if (existing) await api.replace({ ...rest, metadata: { ...rest.metadata, resourceVersion: existing.metadata.resourceVersion } } as never);
      else await api.create(rest as never);
      if (status !== undefined && object.kind === 'AgenticSession') {
        await custom.patchNamespacedCustomObjectStatus(
          {
            group: 'vteam.ambient-code',
            version: 'v1alpha1',
            plural: 'agenticsessions',
            namespace: object.metadata.namespace!,
            name: object.metadata.name!,
            body: { status },
          },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
        );
      }
    },
    async remove(kind, namespace, name) {
      await api.delete(spec(kind, namespace, name)).catch(() => undefined);
    },
    fake: undefined,
    close: async () => undefined,
  };
}

/** Cluster-scoped kinds the manifests in deploy/ hold, and where the API serves them. */
const MANIFEST_PATHS: Record<string, string> = {
  CustomResourceDefinition: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
  ClusterRole: '/apis/rbac.authorization.k8s.io/v1/clusterroles',
};

/** Server-side apply of one manifest document, unchanged (created, or updated when present). */
async function applyManifest(url: string, token: string, object: KubeObject): Promise<void> {
  const collection = MANIFEST_PATHS[object.kind!];
  if (!collection) throw new Error(`cluster.ts: no API path known for a ${object.kind} manifest`);
  const target = new URL(`${url}${collection}/${object.metadata.name}?fieldManager=ambient-api-tests&force=true`);
  const body = stringify(object);
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = https.request(
      target,
      {
        method: 'PATCH',
        // The test apiserver's serving certificate is self-signed (as skipTLSVerify above).
        rejectUnauthorized: false,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/apply-patch+yaml', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  if (status < 200 || status >= 300) throw new Error(`applying ${object.kind} ${object.metadata.name}: ${status} ${text}`);
}
