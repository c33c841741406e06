import type { LoadRequest } from './load.ts';
import { maskVolatile } from './mask.ts';
import { comparablePeerAnswer } from './peer-graphql.ts';
import type { Scenario } from './scenarios.ts';

/**
 * Before a scenario is measured, one request to each server: both must answer with the scenario's
 * status and the same JSON (byte for byte for reads; for creates, after masking the new id and
 * timestamps). A benchmark of two servers that answer differently would compare nothing.
 */

async function send(request: LoadRequest): Promise<{ status: number; text: string }> {
  // No Accept-Encoding, like autocannon: the real server would otherwise gzip large bodies.
  const response = await fetch(request.url, {
    method: request.method,
    headers: { ...request.headers, 'Accept-Encoding': 'identity' },
    body: request.body ?? null,
  });
  return { status: response.status, text: await response.text() };
}

export async function checkResponseParity(scenario: Scenario, realUrl: string, baselineUrl: string): Promise<void> {
  const real = await send(scenario.request(realUrl));
  const baseline = await send(scenario.request(baselineUrl));
  for (const [name, answer] of [
    ['real server', real],
    ['baseline', baseline],
  ] as const) {
    if (answer.status !== scenario.status)
      throw new Error(`${scenario.name}: the ${name} answered ${answer.status}, expected ${scenario.status}: ${answer.text.slice(0, 500)}`);
  }
  let a = real.text;
  let b = baseline.text;
  if (scenario.name === 'create' || scenario.name === 'create-64') {
    const ids = [(JSON.parse(a) as { id: string }).id, (JSON.parse(b) as { id: string }).id];
    a = JSON.stringify(maskVolatile(JSON.parse(a), ids));
    b = JSON.stringify(maskVolatile(JSON.parse(b), ids));
  }
  if (a !== b) throw new Error(`${scenario.name}: the servers answer differently\n  real:     ${a.slice(0, 2000)}\n  baseline: ${b.slice(0, 2000)}`);
}

/**
 * The peer (PostGraphile) has a schema of its own: its answer must have no errors and, with each
 * schema's encodings of ids, timestamps and enums taken out (bench/peer-graphql.ts), the same rows
 * and values as the real server's.
 */
export async function checkPeerParity(scenario: Scenario, realUrl: string, peerUrl: string): Promise<void> {
  if (!scenario.peerRequest) return;
  const real = await send(scenario.request(realUrl));
  const peer = await send(scenario.peerRequest(peerUrl));
  const peerBody = JSON.parse(peer.text) as { errors?: unknown };
  if (peer.status !== 200 || peerBody.errors !== undefined) throw new Error(`${scenario.name}: the peer answered ${peer.status}: ${peer.text.slice(0, 1000)}`);
  const a = JSON.stringify(comparablePeerAnswer(JSON.parse(real.text)));
  const b = JSON.stringify(comparablePeerAnswer(peerBody));
  if (a !== b) throw new Error(`${scenario.name}: the real server and the peer answer differently\n  real: ${a.slice(0, 2000)}\n  peer: ${b.slice(0, 2000)}`);
}
