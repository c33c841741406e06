import { randomUUID } from 'node:crypto';
import {
  isRecord,
  messageIdOf,
  parentToolUseIdOf,
  RUN_ERROR,
  RUN_FINISHED,
  RUN_STARTED,
  timestampOf,
  toolCallIdOf,
  toolCallNameOf,
  type AguiEvent,
  type StoredEvent,
} from './events.ts';

/**
 * Compaction (runtime.md §a.7–§a.9), pure: folding events into the messages of a conversation,
 * the compact-on-read replay of `GET …/agui/events`, and the derived agent status. Nothing here
 * touches the database; the callers read the events.
 */

export interface ToolCall {
  id: string;
  name: string;
  args: string;
  type: 'function';
  parentToolUseId?: string;
  result?: unknown;
  status: string;
  error?: unknown;
}

export interface Message {
  id: string;
  role: string;
  content: unknown;
  timestamp?: number;
  metadata?: Record<string, unknown>;
  toolCalls?: ToolCall[];
  /** A MESSAGES_SNAPSHOT's messages keep their other keys. */
  [key: string]: unknown;
}

interface OpenToolCall {
  id: string;
  name: string;
  args: string;
  parentToolUseId: string | undefined;
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/** A tool call with its optional keys omitted when empty, in the contract's key order. */
function toolCall(parts: { id: string; name: string; args: string; parentToolUseId?: unknown; result?: unknown; status: string; error?: unknown }): ToolCall {
  return {
    id: parts.id,
    name: parts.name,
    args: parts.args,
    type: 'function',
    ...(present(parts.parentToolUseId) ? { parentToolUseId: parts.parentToolUseId as string } : {}),
    ...(present(parts.result) ? { result: parts.result } : {}),
    status: parts.status,
    ...(present(parts.error) ? { error: parts.error } : {}),
  };
}

/** A MESSAGES_SNAPSHOT tool call in our keys: AG-UI's `function: {name, arguments}` becomes name/args. */
function normalizedToolCall(value: unknown): ToolCall | undefined {
  if (!isRecord(value)) return undefined;
  const fn = isRecord(value['function']) ? value['function'] : {};
  const name = value['name'] ?? fn['name'];
  const args = value['args'] ?? fn['arguments'];
  return toolCall({
    id: typeof value['id'] === 'string' ? value['id'] : '',
    name: typeof name === 'string' ? name : '',
    args: typeof args === 'string' ? args : args === undefined || args === null ? '' : JSON.stringify(args),
    parentToolUseId: value['parentToolUseId'] ?? value['parentToolUseID'] ?? value['parent_tool_call_id'],
    result: value['result'],
    status: typeof value['status'] === 'string' ? value['status'] : 'completed',
    error: value['error'],
  });
}

/** The folding state of §a.7. */
class Conversation {
  private messages: Message[] = [];
  /** Position of the first message with each id, for replace-in-place. */
  private positions = new Map<string, number>();
  private current: Message | undefined;
  private readonly tools = new Map<string, OpenToolCall>();
  /** Built tool calls by id, wherever they are, for TOOL_CALL_RESULT. */
  private built = new Map<string, ToolCall>();
  private readonly hidden = new Set<string>();
  private readonly meta = new Map<string, Record<string, unknown>>();

  apply(event: AguiEvent): void {
    switch (event.type) {
      case 'TEXT_MESSAGE_START': {
        this.flush();
        this.current = this.message(
          messageIdOf(event) ?? randomUUID(),
          typeof event['role'] === 'string' && event['role'] !== '' ? event['role'] : 'assistant',
          timestampOf(event),
        );
        return;
      }
      case 'TEXT_MESSAGE_CONTENT': {
        this.current ??= this.message(messageIdOf(event) ?? randomUUID(), 'assistant', timestampOf(event));
        const delta = event['delta'];
        if (typeof delta === 'string') this.current.content = `${typeof this.current.content === 'string' ? this.current.content : ''}${delta}`;
        return;
      }
      case 'TEXT_MESSAGE_END':
        // Assistant messages stay open so that the tool calls that follow attach to them.
        if (this.current?.role === 'user') this.flush();
        return;
      case 'TOOL_CALL_START': {
        const id = toolCallIdOf(event);
        if (id !== undefined) this.tools.set(id, { id, name: toolCallNameOf(event) ?? '', args: '', parentToolUseId: parentToolUseIdOf(event) });
        return;
      }
      case 'TOOL_CALL_ARGS': {
        const open = this.tools.get(toolCallIdOf(event) ?? '');
        if (open && typeof event['delta'] === 'string') open.args += event['delta'];
        return;
      }
      case 'TOOL_CALL_END':
        this.endToolCall(event);
        return;
      case 'TOOL_CALL_RESULT': {
        const call = this.built.get(toolCallIdOf(event) ?? '');
        if (call && present(event['content'])) call.result = event['content'];
        return;
      }
      case 'RAW':
        this.raw(event);
        return;
      case 'MESSAGES_SNAPSHOT':
        this.snapshot(event['messages']);
        return;
      default:
        return;
    }
  }

  /** The conversation: flushed, open tool calls dropped, hidden messages removed, metadata attached. */
  result(): Message[] {
    this.flush();
    return this.messages.filter((m) => !this.hidden.has(m.id)).map((m) => this.finished(m));
  }

  private message(id: string, role: string, timestamp: number | undefined): Message {
    return { id, role, content: '', ...(timestamp !== undefined ? { timestamp } : {}) };
  }

  private flush(): void {
    if (!this.current) return;
    this.put(this.current);
    this.current = undefined;
  }

  /** Replaces the first message with the same id in place, else appends. */
  private put(message: Message): void {
    const at = this.positions.get(message.id);
    if (at !== undefined) this.messages[at] = message;
    else {
      this.positions.set(message.id, this.messages.length);
      this.messages.push(message);
    }
  }

  private endToolCall(event: AguiEvent): void {
    const id = toolCallIdOf(event);
    if (id === undefined) return;
    const open = this.tools.get(id);
    this.tools.delete(id);
    const failed = present(event['error']);
    const call = toolCall({
      id,
      name: open?.name ?? toolCallNameOf(event) ?? '',
      args: open?.args ?? '',
      parentToolUseId: open?.parentToolUseId,
      status: failed ? 'error' : 'completed',
      ...(failed ? { error: event['error'] } : { result: event['result'] }),
    });
    this.built.set(id, call);
    if (this.current?.role === 'assistant') (this.current.toolCalls ??= []).push(call);
    else this.put({ id: randomUUID(), role: 'assistant', content: '', toolCalls: [call] });
  }

  private raw(event: AguiEvent): void {
    const p = event['event'] ?? event['data'];
    if (!isRecord(p)) return;
    if (p['type'] === 'message_metadata') {
      const id = messageIdOf(p);
      if (id === undefined) return;
      if (p['hidden'] === true) this.hidden.add(id);
      const sender: Record<string, unknown> = {};
      for (const key of ['senderId', 'senderDisplayName'] as const) if (present(p[key])) sender[key] = p[key];
      if (Object.keys(sender).length > 0) this.meta.set(id, { ...this.meta.get(id), ...sender });
      return;
    }
    if (typeof p['role'] !== 'string') return;
    this.flush();
    const timestamp = timestampOf(p) ?? timestampOf(event);
    this.put({
      id: typeof p['id'] === 'string' && p['id'] !== '' ? p['id'] : randomUUID(),
      role: p['role'],
      content: p['content'],
      ...(timestamp !== undefined ? { timestamp } : {}),
    });
  }

  private snapshot(value: unknown): void {
    this.messages = [];
    this.positions = new Map();
    this.built = new Map();
    this.current = undefined;
    this.tools.clear();
    if (!Array.isArray(value)) return;
    for (const item of value) {
      if (!isRecord(item)) continue;
      const { toolCalls: camel, tool_calls: snake, ...rest } = item;
      const message = { ...rest } as Message;
      const calls = camel ?? snake;
      if (Array.isArray(calls)) {
        const normalized = calls.map(normalizedToolCall).filter((c): c is ToolCall => c !== undefined);
        for (const call of normalized) this.built.set(call.id, call);
        if (normalized.length > 0) message.toolCalls = normalized;
      }
      if (typeof message.id === 'string') this.put(message);
      else this.messages.push(message);
    }
  }

  /** The message in its final form: the contract's key order, empty optional keys omitted. */
  private finished(m: Message): Message {
    const { id, role, content, timestamp, metadata, toolCalls, ...rest } = m;
    const meta = { ...(isRecord(metadata) ? metadata : {}), ...this.meta.get(id) };
    return {
      id,
      role,
      content,
      ...(typeof timestamp === 'number' ? { timestamp } : {}),
      ...(Object.keys(meta).length > 0 ? { metadata: meta } : {}),
      ...(toolCalls && toolCalls.length > 0 ? { toolCalls } : {}),
      ...rest,
    };
  }
}

/** §a.7: the messages a sequence of events folds into. */
export function compact(events: Iterable<AguiEvent>): Message[] {
  const conversation = new Conversation();
  for (const event of events) conversation.apply(event);
  return conversation.result();
}

/** One frame of an event stream: the event and, when it has one, its `id:`. */
export interface Frame {
  event: AguiEvent;
  id?: number;
}

/** The runs (by `run_id`) that have a RUN_FINISHED or RUN_ERROR among the events. */
export function completedRuns(events: readonly StoredEvent[]): Set<string> {
  const done = new Set<string>();
  for (const e of events) if (e.runId !== null && (e.type === RUN_FINISHED || e.type === RUN_ERROR)) done.add(e.runId);
  return done;
}

/**
 * §a.8: the replay of `GET …/agui/events` without a resume point, from the session's events with
 * `seq ≤ head` (in order). Completed runs and between-run events fold into one MESSAGES_SNAPSHOT,
 * followed by the latest completed STATE_SNAPSHOT and the META events; active runs follow raw.
 * Only the last frame carries an id, `head`, so a client that disconnects mid-replay replays again.
 */
export function compactOnRead(events: readonly StoredEvent[], threadId: string, head: number): Frame[] {
  const done = completedRuns(events);
  const completed: StoredEvent[] = [];
  const active = new Map<string, StoredEvent[]>();
  for (const e of events) {
    if (e.runId === null || done.has(e.runId)) completed.push(e);
    else {
      let run = active.get(e.runId);
      if (!run) active.set(e.runId, (run = []));
      run.push(e);
    }
  }
  const frames: Frame[] = [];
  const messages = compact(completed.map((e) => e.payload));
  if (messages.length > 0) {
    const last = completed.at(-1)!;
    frames.push({ event: { type: 'MESSAGES_SNAPSHOT', threadId, runId: 'thread-snapshot', timestamp: timestampOf(last.payload) ?? last.createdAt, messages } });
  }
  const state = completed.findLast((e) => e.type === 'STATE_SNAPSHOT');
  if (state) frames.push({ event: state.payload });
  // META events of active runs are sent with their run below, so that none is sent twice.
  for (const e of completed) if (e.type === 'META') frames.push({ event: e.payload });
  for (const [runId, run] of active) {
    if (run[0]!.type !== RUN_STARTED) frames.push({ event: { type: RUN_STARTED, threadId: run[0]!.threadId ?? threadId, runId } });
    for (const e of run) frames.push({ event: e.payload });
  }
  if (frames.length > 0) frames[frames.length - 1] = { ...frames.at(-1)!, id: head };
  return frames;
}

export type AgentStatus = 'working' | 'idle' | 'waiting_input' | '';

/** The AskUserQuestion tool, under any spelling: letters only, case-insensitive (§a.9). */
const isAskUserQuestion = (name: string | undefined) => name !== undefined && name.replace(/[^A-Za-z]/g, '').toLowerCase() === 'askuserquestion';

/**
 * §a.9: the agent status from the session's events read newest first. Feed events with `step`
 * until it answers; `end()` answers when the log is exhausted.
 */
export class AgentStatusScan {
  /** The run of the newest RUN_FINISHED/RUN_ERROR seen so far (null: a run end without run id). */
  private endedRun: string | null | undefined;

  step(event: Pick<StoredEvent, 'type' | 'runId' | 'payload'>): AgentStatus | undefined {
    switch (event.type) {
      case RUN_FINISHED:
      case RUN_ERROR:
        if (this.endedRun === undefined) this.endedRun = event.runId;
        return undefined;
      case RUN_STARTED:
        return this.endedRun === undefined ? 'working' : 'idle';
      case 'TOOL_CALL_START':
        if (this.endedRun === undefined || !isAskUserQuestion(toolCallNameOf(event.payload))) return undefined;
        return event.runId === this.endedRun ? 'waiting_input' : 'idle';
      default:
        return undefined;
    }
  }

  end(): AgentStatus {
    return this.endedRun === undefined ? '' : 'idle';
  }
}

/** Types AgentStatusScan looks at; the others can be left out of the read. */
export const AGENT_STATUS_TYPES: readonly string[] = [RUN_STARTED, RUN_FINISHED, RUN_ERROR, 'TOOL_CALL_START'];
