import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { expect, test } from 'vitest';
import { Project, Session } from '../../src/kinds/index.ts';
import { systemActor } from '../../src/auth/actor.ts';
import { as } from '../support/fixtures.ts';
import { useGraphqlServer } from './support.ts';

/**
 * The runner and Kubernetes views as Session fields (issue 15 item 7), through the same
 * SessionRuntime as REST: a session that is not running answers the REST fallbacks; rows without
 * one and a server without a cluster answer the same errors.
 */

const server = useGraphqlServer();
const system = as(systemActor('gql-runtime-test'));

type Views = { node: Record<string, unknown> | null };
const doc = (text: string) => parse(text) as unknown as TypedDocumentNode<Views, { id: string }>;

test('runtime views of a session that is not running: REST’s fallbacks; Kubernetes without a cluster is code 31', async () => {
  const project = await server().domain.create(system, Project, { name: `gqlrt-${process.pid}` });
  const session = await server().domain.create(system, Session, { project_id: project.id, name: 's' });
  const id = encodeGlobalID('Session', session.id);
  const views = await server().data(
    doc(`query($id: ID!) { node(id: $id) { ... on Session { workspace(path: "src") workflowMetadata mcpStatus capabilities backgroundTasks } } }`),
    { id },
  );
  expect(views.node).toEqual({
    workspace: { items: [] },
    workflowMetadata: { commands: [], agents: [] },
    mcpStatus: { servers: [], totalCount: 0 },
    capabilities: { framework: 'unknown' },
    backgroundTasks: [],
  });
  const hostile = await server().errors(doc(`query($id: ID!) { node(id: $id) { ... on Session { workspace(path: "../etc") } } }`), { id });
  expect(hostile[0]!.extensions.code).toBe(8);
  const gitStatus = await server().errors(doc(`query($id: ID!) { node(id: $id) { ... on Session { gitStatus(path: "repo") } } }`), { id });
  expect(gitStatus[0]!.extensions.code).toBe(31);
  for (const field of ['kubernetesResources', 'podEvents']) {
    const kube = await server().errors(doc(`query($id: ID!) { node(id: $id) { ... on Session { ${field} } } }`), { id });
    expect(kube[0]!.extensions.code).toBe(31);
  }
});
