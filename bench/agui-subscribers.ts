import { performance } from 'node:perf_hooks';

/**
 * A process holding many AG-UI event streams (`GET …/agui/events?lastEventId=<seq>`) on one server,
 * for bench/agui.ts. For every frame it records when it arrived and, from the event's `sentAt`
 * (the fake runner's clock when it wrote the event, epoch ms with fractions), the time the event
 * took from the runner through the server to here. Told how many frames to expect, it reports once
 * every stream has them (or after a timeout): per-frame `seq`, arrival and latency as typed arrays.
 */

const [url, countText] = process.argv.slice(2);
const count = Number(countText);
const now = () => performance.timeOrigin + performance.now();
const SENT_AT = /"sentAt":([0-9.]+)/;

interface Stream {
  seqs: number[];
  arrivals: number[];
  latencies: number[];
}

const streams: Stream[] = [];
const controllers: AbortController[] = [];
let opened = 0;
let expected = Infinity;
let reported = false;

async function subscribe(): Promise<void> {
  const stream: Stream = { seqs: [], arrivals: [], latencies: [] };
  streams.push(stream);
  const controller = new AbortController();
  controllers.push(controller);
  const res = await fetch(url!, { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
  if (++opened === count) process.send?.({ opened });
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      const arrived = now();
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!frame.startsWith('id: ')) continue; // keepalives
        const seq = Number(frame.slice(4, frame.indexOf('\n')));
        const sent = SENT_AT.exec(frame);
        stream.seqs.push(seq);
        stream.arrivals.push(arrived);
        stream.latencies.push(sent ? arrived - Number(sent[1]) : NaN);
      }
      if (stream.seqs.length >= expected) maybeReport();
    }
  } catch {
    // aborted at the end
  }
}

function maybeReport(force = false): void {
  if (reported || (!force && !streams.every((s) => s.seqs.length >= expected))) return;
  reported = true;
  for (const controller of controllers) controller.abort();
  const pack = (pick: (s: Stream) => number[]) => Float64Array.from(streams.flatMap(pick));
  process.send?.(
    { frames: streams.map((s) => s.seqs.length), seqs: pack((s) => s.seqs), arrivals: pack((s) => s.arrivals), latencies: pack((s) => s.latencies) },
    () => process.exit(0),
  );
}

for (let i = 0; i < count; i++) void subscribe();

process.on('message', (message: { expect?: number; timeoutMs?: number }) => {
  if (message.expect === undefined) return;
  expected = message.expect;
  maybeReport();
  setTimeout(() => maybeReport(true), message.timeoutMs ?? 60_000).unref();
});
