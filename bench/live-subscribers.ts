/**
 * A process holding many REST watch streams (`?watch=true`) on one server, for bench/live.ts.
 * Each frame's latency is the time from the update's request (its timestamp is in the session's
 * prompt, `t=<epoch ms>`) to the frame's arrival. Reports latencies in whole milliseconds to the
 * parent over IPC when told to stop.
 *
 * It reads with node:http rather than fetch: these processes share the machine with the server,
 * and fetch's web streams cost several times more CPU per frame, which the server's latency then
 * pays for.
 */
import http from 'node:http';

const [url, countText] = process.argv.slice(2);
const count = Number(countText);
const latencies: number[] = [];
let frames = 0;
let opened = 0;
const requests: http.ClientRequest[] = [];
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const STAMP = /"prompt":"t=(\d+)"/;

/** Counts an update frame (MODIFIED; not the snapshot's ADDED frames, nor keepalives). */
function frameArrived(frame: string): void {
  if (!frame.includes('{"type":"MODIFIED"')) return;
  const stamp = STAMP.exec(frame);
  if (!stamp) return;
  frames++;
  latencies.push(Date.now() - Number(stamp[1]));
}

function watch(): void {
  const req = http.get(url!, { agent, headers: { Accept: 'text/event-stream' } }, (res) => {
    opened++;
    if (opened === count) process.send?.({ opened });
    res.setEncoding('utf8');
    let pending = '';
    res.on('data', (chunk: string) => {
      const text = pending + chunk;
      let start = 0;
      let end: number;
      while ((end = text.indexOf('\n\n', start)) >= 0) {
        frameArrived(text.slice(start, end));
        start = end + 2;
      }
      pending = text.slice(start);
    });
    res.on('error', () => undefined); // aborted at the end
  });
  req.on('error', () => undefined);
  requests.push(req);
}

for (let i = 0; i < count; i++) watch();

process.on('message', (message: { stop?: boolean }) => {
  if (!message.stop) return;
  for (const req of requests) req.destroy();
  process.send?.({ frames, latencies }, () => process.exit(0));
});
