import { normalizeTimestamp, type AguiEvent } from '../agui/events.ts';
import { headOf } from '../agui/store.ts';
import { Session } from '../kinds/index.ts';
import type { Domain, RequestContext } from './service.ts';

/**
 * A session's full event log as one JSON document (runtime.md §d row 14), produced while it is sent:
 * the events are read in keyset batches of `seq` (never all at once) up to the head seen when the
 * export began, so a million events export in constant memory and form one consistent cut even
 * while a run keeps appending.
 */

/** Events per keyset read. */
export const EXPORT_BATCH = 5_000;

export interface SessionExportDocument {
  filename: string;
  /** The document's text, in pieces, as they are read. */
  body: AsyncIterable<string>;
}

export class SessionExports {
  constructor(private readonly domain: Domain) {}

  /** The export of a session the caller may view (404 otherwise); nothing is read until `body` is iterated. */
  async open(ctx: RequestContext, id: string): Promise<SessionExportDocument> {
    const session = await this.domain.get(ctx, Session, id);
    const pool = this.domain.pool;
    const head = await headOf(pool, session.id);
    const name = typeof session['kube_cr_name'] === 'string' && session['kube_cr_name'] !== '' ? session['kube_cr_name'] : session.id;
    const preamble = {
      session_id: session.id,
      project_name: session['project_id'],
      export_date: new Date().toISOString(),
    };
    async function* body(): AsyncGenerator<string> {
      yield `${JSON.stringify(preamble).slice(0, -1)},"agui_events":[`;
      let after = 0;
      let first = true;
      while (after < head) {
        // The stored text is sent as it is; only a payload whose timestamp is not a number is parsed (§a.4 rule 6).
        const { rows } = await pool.query<{ seq: string; payload: string; fix: boolean }>(
          `SELECT seq, payload::text AS payload, (payload ? 'timestamp' AND jsonb_typeof(payload->'timestamp') <> 'number') AS fix
           FROM agui_events WHERE session_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
          [session.id, after, head, EXPORT_BATCH],
        );
        if (rows.length === 0) break;
        const text = rows.map((row) => (row.fix ? JSON.stringify(normalizeTimestamp(JSON.parse(row.payload) as AguiEvent)) : row.payload)).join(',');
        yield first ? text : `,${text}`;
        first = false;
        after = Number(rows.at(-1)!.seq);
      }
      yield ']}';
    }
    return { filename: `${name}-export.json`, body: body() };
  }
}
