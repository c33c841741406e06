/**
 * The AG-UI event vocabulary the server reads (runtime.md §a.2–§a.4): event types, the dual-casing
 * field accessors, and the output normalization every read path applies. Events are plain JSON
 * objects with a string `type`; the server stores and relays types it does not know unchanged.
 */

/** One AG-UI event as stored in `agui_events.payload`. */
export type AguiEvent = Record<string, unknown> & { type: string };

/** An event read back from the log, with its position. */
export interface StoredEvent {
  seq: number;
  /** The `run_id` column: the event's run, or null for between-run events. */
  runId: string | null;
  threadId: string | null;
  type: string;
  /** The payload, normalized for output (§a.4 rule 6). Shared between readers: never mutate it. */
  payload: AguiEvent;
  /** `created_at` in epoch milliseconds. */
  createdAt: number;
}

export const RUN_STARTED = 'RUN_STARTED';
export const RUN_FINISHED = 'RUN_FINISHED';
export const RUN_ERROR = 'RUN_ERROR';

/** Whether a value is an AG-UI event: a JSON object with a string `type`. */
export function isEvent(value: unknown): value is AguiEvent {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first key present with a non-empty string value (§a.3: first match wins). */
function firstString(event: Readonly<Record<string, unknown>>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = event[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

// Accepted keys per meaning, in precedence order (§a.3).
const MESSAGE_ID = ['messageId', 'message_id'] as const;
const TOOL_CALL_ID = ['toolCallId', 'tool_call_id'] as const;
const TOOL_CALL_NAME = ['toolCallName', 'tool_call_name'] as const;
const PARENT_TOOL_USE_ID = ['parentToolUseId', 'parentToolUseID', 'parent_tool_call_id'] as const;
const THREAD_ID = ['threadId', 'thread_id'] as const;
const RUN_ID = ['runId', 'run_id'] as const;

export const messageIdOf = (e: Readonly<Record<string, unknown>>) => firstString(e, MESSAGE_ID);
export const toolCallIdOf = (e: Readonly<Record<string, unknown>>) => firstString(e, TOOL_CALL_ID);
export const toolCallNameOf = (e: Readonly<Record<string, unknown>>) => firstString(e, TOOL_CALL_NAME);
export const parentToolUseIdOf = (e: Readonly<Record<string, unknown>>) => firstString(e, PARENT_TOOL_USE_ID);
export const threadIdOf = (e: Readonly<Record<string, unknown>>) => firstString(e, THREAD_ID);
export const runIdOf = (e: Readonly<Record<string, unknown>>) => firstString(e, RUN_ID);

/**
 * The event with `threadId` and `runId` added when it carries no value under either casing (§a.4
 * rule 2). A between-run event gets no run id. The event itself is not changed.
 */
export function withFilledIds(event: AguiEvent, ids: { threadId: string; runId?: string | undefined }): AguiEvent {
  const thread = threadIdOf(event) === undefined;
  const run = ids.runId !== undefined && runIdOf(event) === undefined;
  if (!thread && !run) return event;
  return { ...event, ...(thread ? { threadId: ids.threadId } : {}), ...(run ? { runId: ids.runId } : {}) };
}

/** A timestamp as epoch milliseconds: a finite number as is, an ISO-8601 string parsed, else undefined. */
export function epochMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Output normalization (§a.4 rule 6): an ISO-8601 `timestamp` becomes epoch milliseconds, an empty
 * or unparsable one is removed. Returns the event itself when unchanged.
 */
export function normalizeTimestamp(event: AguiEvent): AguiEvent {
  if (!('timestamp' in event) || (typeof event.timestamp === 'number' && Number.isFinite(event.timestamp))) return event;
  const { timestamp, ...rest } = event;
  const ms = epochMs(timestamp);
  return (ms === undefined ? rest : { ...rest, timestamp: ms }) as AguiEvent;
}

/** The event's timestamp in epoch ms when it has a usable one. */
export function timestampOf(event: Readonly<Record<string, unknown>>): number | undefined {
  return epochMs(event['timestamp']);
}

const serializedPayloads = new WeakMap<object, string>();

/**
 * The payload as one line of JSON, computed once per payload object: a live event fanned out to
 * many subscribers is serialized once, not once per stream.
 */
export function serialized(payload: AguiEvent): string {
  let text = serializedPayloads.get(payload);
  if (text === undefined) {
    text = JSON.stringify(payload);
    serializedPayloads.set(payload, text);
  }
  return text;
}

/**
 * A runner's SSE `data` as the event to persist (§a.5): JSON objects with a string `type` as they
 * are; anything else (not JSON, or JSON that is not an event) as `RAW {event:{unparsed:<text>}}`,
 * so the stream goes on and the text is kept.
 */
export function eventFromData(data: string): { event: AguiEvent; malformed: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    parsed = undefined;
  }
  if (isEvent(parsed)) return { event: parsed, malformed: false };
  return { event: { type: 'RAW', event: { unparsed: data } }, malformed: true };
}
