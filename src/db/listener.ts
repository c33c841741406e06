import pg from 'pg';
import type { Logger } from '../log.ts';

/**
 * A dedicated connection that LISTENs on one channel and comes back when it is lost. Notifications
 * sent while it was down are gone for good, so `onListening` runs each time LISTEN is in place
 * again (the first time included): the owner then re-reads whatever it follows from its table.
 * Reconnects back off from 1 s, doubling, to 30 s.
 */
export interface ListenerOptions {
  connectionString: string;
  channel: string;
  /** Shown in `pg_stat_activity`, so the connection can be told apart (and, in tests, terminated). */
  applicationName: string;
  /** Who listens, for log messages. */
  owner: string;
  log: Logger;
  onNotification(payload: string | undefined): void;
  onListening(): void;
}

export class PgListener {
  private client: pg.Client | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: ListenerOptions) {}

  start(): Promise<void> {
    this.stopped = false;
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    const client = this.client;
    this.client = undefined;
    if (client) {
      await client.query(`UNLISTEN ${this.options.channel}`).catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  }

  private async connect(): Promise<void> {
    const { connectionString, channel, applicationName, owner, log } = this.options;
    const client = new pg.Client({ connectionString, application_name: applicationName });
    client.on('notification', (message) => this.options.onNotification(message.payload));
    client.on('error', (error) => {
      if (this.stopped || this.client !== client) return;
      log.warn({ err: error }, `${owner}: LISTEN connection lost; reconnecting`);
      this.client = undefined;
      client.end().catch(() => undefined);
      this.scheduleReconnect(1000);
    });
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    this.client = client;
    this.options.onListening();
  }

  private scheduleReconnect(delayMs: number): void {
    if (this.stopped) return;
    this.reconnect = setTimeout(() => {
      this.connect().catch((error: unknown) => {
        this.options.log.warn({ err: error }, `${this.options.owner}: reconnecting LISTEN failed`);
        this.scheduleReconnect(Math.min(delayMs * 2, 30_000));
      });
    }, delayMs);
    this.reconnect.unref();
  }
}
