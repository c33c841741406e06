import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * The HTTP(S) server under the fake providers: plain HTTP, or HTTPS with the test CA's certificate
 * (test/auth/fixtures/provider-cert.pem, for 127.0.0.1 and localhost), which the server under test
 * trusts only through PROVIDER_CA_FILE.
 */

export const PROVIDER_CA_FILE = fileURLToPath(new URL('../auth/fixtures/provider-cert.pem', import.meta.url));
const KEY_FILE = fileURLToPath(new URL('../auth/fixtures/provider-key.pem', import.meta.url));

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  /** JSON unless a string (sent as is) or a Buffer. */
  body?: unknown;
}

export interface FakeRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export async function startFakeServer(
  tls: boolean,
  handle: (req: FakeRequest) => FakeReply | Promise<FakeReply>,
): Promise<{ url: string; close(): Promise<void> }> {
  const listener: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const reply = await handle({ method: req.method ?? 'GET', url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const raw = typeof reply.body === 'string' || Buffer.isBuffer(reply.body);
        const payload = reply.body === undefined ? '' : raw ? (reply.body as string | Buffer) : JSON.stringify(reply.body);
        res.writeHead(reply.status, { ...(raw || reply.body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }), ...reply.headers });
        res.end(payload);
      })().catch(() => res.destroy());
    });
  };
  const server = tls ? https.createServer({ key: fs.readFileSync(KEY_FILE), cert: fs.readFileSync(PROVIDER_CA_FILE) }, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
