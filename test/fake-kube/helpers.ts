import { randomBytes } from 'node:crypto';
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  RbacAuthorizationV1Api,
  setHeaderOptions,
  Watch,
  type KubeConfig,
} from '@kubernetes/client-node';
import { afterAll, beforeAll } from 'vitest';
import { FakeKube, kubeConfigFor, type FakeKubeOptions } from '../support/fake-kube/index.ts';
import type { Status } from '../support/fake-kube/errors.ts';

/** What the tests of the fake share: a fake per file, real clients on it, and helpers for failures. */

export const GROUP = 'vteam.ambient-code';
export const VERSION = 'v1alpha1';
export const PLURAL = 'agenticsessions';
export const SESSION_API = { group: GROUP, version: VERSION, plural: PLURAL };

export interface Clients {
  fake: FakeKube;
  config: KubeConfig;
  core: CoreV1Api;
  rbac: RbacAuthorizationV1Api;
  custom: CustomObjectsApi;
  watch: Watch;
}

/** Starts a fake for the test file and builds real clients on it. */
export function useFakeKube(options: FakeKubeOptions = {}): () => Clients {
  let clients: Clients | undefined;
  beforeAll(async () => {
    const fake = await FakeKube.start(options);
    const config = kubeConfigFor(fake);
    clients = {
      fake,
      config,
      core: config.makeApiClient(CoreV1Api),
      rbac: config.makeApiClient(RbacAuthorizationV1Api),
      custom: config.makeApiClient(CustomObjectsApi),
      watch: new Watch(config),
    };
  });
  afterAll(async () => {
    await clients?.fake.close();
  });
  return () => clients!;
}

export const unique = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

export const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
export const jsonPatch = setHeaderOptions('Content-Type', PatchStrategy.JsonPatch);
export const strategicPatch = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
export const applyPatch = setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply);

export interface Failure {
  code: number;
  status: Status;
  headers: Record<string, string>;
}

/** The ApiException a call fails with, its body parsed as the Status the server sent. */
export async function failure(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiException) return { code: error.code, status: JSON.parse(error.body as string) as Status, headers: error.headers };
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** An AgenticSession with the fields the reconciler writes. */
export function session(namespace: string, name: string, spec: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: `${GROUP}/${VERSION}`,
    kind: 'AgenticSession',
    metadata: { name, namespace, labels: { 'ambient-code.io/managed-by': 'ambient-api-server' } },
    spec: { displayName: 'A session', initialPrompt: 'hello', ...spec },
    ...extra,
  };
}

/** Creates a namespace through the API and returns its name. */
export async function createNamespace(core: CoreV1Api, labels: Record<string, string> = {}): Promise<string> {
  const name = unique('ns');
  await core.createNamespace({ body: { metadata: { name, labels } } });
  return name;
}
