/**
 * A process holding many REST watch streams (`?watch=true`) on one server, for bench/live.ts.
 * Each frame's latency is the time from the update's request (its timestamp is in the session's
 * prompt, `t=<epoch ms>`) to the frame's arrival. Reports latencies in whole milliseconds to the
 * parent over IPC when told to stop.
 */

const [url, countText] = process.argv.slice(2);
const count = Number(countText);
const latencies: number[] = [];
let frames = 0;
let opened = 0;
const controllers: AbortController[] = [];
const STAMP = /"prompt":"t=(\d+)"/;

async function watch(): Promise<void> {
  const controller = new AbortController();
  controllers.push(controller);
  const res = await fetch(url!, { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
  opened++;
  if (opened === count) process.send?.({ opened });
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!frame.includes('\nid: ') && !frame.startsWith('id: ')) continue; // snapshot frames and keepalives
        const stamp = STAMP.exec(frame);
        if (!stamp || stamp[1] === '0') continue; // the seeded sessions' prompt, not an update
        frames++;
        latencies.push(Date.now() - Number(stamp[1]));
      }
    }
  } catch {
    // aborted at the end
  }
}

for (let i = 0; i < count; i++) void watch();

process.on('message', (message: { stop?: boolean }) => {
  if (!message.stop) return;
  for (const controller of controllers) controller.abort();
  process.send?.({ frames, latencies }, () => process.exit(0));
});
