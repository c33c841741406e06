import net from 'node:net';

/**
 * A TCP proxy between a server under test and its Postgres, so a test can make the database
 * unreachable for that server alone (the machine's Postgres keeps running for everyone else):
 *
 * - `cut('refuse')`: every open connection is reset and the port stops listening (connection
 *   refused), as when Postgres is down;
 * - `cut('reset')`: open connections are reset and new ones are accepted and reset at once, as
 *   when Postgres is restarting behind a load balancer;
 * - `restore()`: connections pass again.
 */
export interface TcpProxy {
  /** `host:port` of the proxy. */
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string;
  cut(mode: 'refuse' | 'reset'): Promise<void>;
  restore(): Promise<void>;
  /** Connections currently passing through. */
  open(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let mode: 'pass' | 'reset' = 'pass';
  let server = listener();
  let port = 0;

  function listener(): net.Server {
    return net.createServer((client) => {
      if (mode === 'reset') {
        client.resetAndDestroy();
        return;
      }
      const upstream = net.connect(target.port, target.host);
      sockets.add(client);
      sockets.add(upstream);
      const drop = () => {
        sockets.delete(client);
        sockets.delete(upstream);
        if (!client.destroyed) client.resetAndDestroy();
        if (!upstream.destroyed) upstream.resetAndDestroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }

  const listen = (s: net.Server, p: number) =>
    new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(p, '127.0.0.1', () => {
        s.off('error', reject);
        resolve((s.address() as net.AddressInfo).port);
      });
    });
  const resetAll = () => {
    for (const socket of sockets) if (!socket.destroyed) socket.resetAndDestroy();
    sockets.clear();
  };
  port = await listen(server, 0);
  let listening = true;

  return {
    get port() {
      return port;
    },
    via(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    async cut(how) {
      if (how === 'reset') {
        mode = 'reset';
        resetAll();
        return;
      }
      mode = 'pass';
      const closed = listening ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
      listening = false;
      resetAll();
      await closed;
    },
    async restore() {
      mode = 'pass';
      if (!listening) {
        server = listener();
        await listen(server, port);
        listening = true;
      }
    },
    open: () => sockets.size / 2,
    async close() {
      resetAll();
      if (listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      listening = false;
    },
  };
}
