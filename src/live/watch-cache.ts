import { readEvents, type ChangeEvent, type ChangeFeed, type CloseReason } from './change-feed.ts';

/**
 * Watchers that would judge every event alike share that work (issue 16, item 3).
 *
 * Watchers with equal keys — the same Kind, project, filter, fields and read condition of their
 * caller (which names the caller when it depends on its grants) — form one group. The group holds
 * one subscription to the change feed and judges each event once (visibility, scope, filter: a
 * database round trip when there is a filter); every member then gets that verdict synchronously,
 * and its own work is what only it can do: turning the verdict into a transition from what it told
 * its client, and writing a frame the group encoded once.
 *
 * A member joins at its own position (a snapshot's, or a resume point). One behind what the group
 * has already dispatched first reads the difference from the table and judges it itself, while
 * what the group dispatches meanwhile waits for it (at most MAX_HELD events); then it goes on with
 * the group. Events never reach a member twice nor out of order: each keeps a cursor.
 *
 * A member that cannot take more (its client does not read: see SseStream.push) is closed by
 * itself, without holding up the group. The group's own subscription is bounded by the feed
 * (ChangeFeed `maxQueue`): a group that falls that far behind closes all its members, and their
 * clients resume from their last ids.
 */

export interface WatchMember<V> {
  /** One event and the group's verdict on it, in `seq` order. */
  deliver(event: ChangeEvent, verdict: V): void;
  /** The group or the catch-up ended this member (the stream ends; its client resumes). */
  close(reason: CloseReason): void;
}

export interface WatchGroupSpec<V> {
  /** The Kind whose events the group judges; others are skipped. */
  kind: string;
  /** The verdict on one event, the same for every member. */
  judge(event: ChangeEvent): Promise<V>;
}

/** Events a member catching up may have waiting before it is closed as too slow. */
const MAX_HELD = 10_000;

interface Entry<V> {
  member: WatchMember<V>;
  /** Highest `seq` handed to (or held for) the member. */
  cursor: number;
  /** While catching up: what the group dispatched meanwhile, in order. */
  held: [ChangeEvent, V][] | undefined;
}

class WatchGroup<V> {
  private readonly entries = new Map<WatchMember<V>, Entry<V>>();
  /** Highest `seq` the group has dispatched (or started from). */
  private processed: number;
  private ended = false;
  private subscription: ReturnType<ChangeFeed['subscribe']> | undefined;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly spec: WatchGroupSpec<V>,
    start: number,
    private readonly onEmpty: () => void,
  ) {
    this.processed = start;
    void this.run(start);
  }

  get size(): number {
    return this.entries.size;
  }

  join(member: WatchMember<V>, start: number): void {
    if (this.ended) {
      member.close('stopped');
      return;
    }
    if (start >= this.processed) {
      this.entries.set(member, { member, cursor: start, held: undefined });
      return;
    }
    const entry: Entry<V> = { member, cursor: this.processed, held: [] };
    this.entries.set(member, entry);
    void this.catchUp(entry, start, this.processed);
  }

  leave(member: WatchMember<V>): void {
    if (!this.entries.delete(member) || this.entries.size > 0) return;
    this.stop();
  }

  private stop(): void {
    this.ended = true;
    this.subscription?.close();
    this.onEmpty();
  }

  private async run(start: number): Promise<void> {
    const subscription = (this.subscription = this.feed.subscribe(start));
    try {
      for await (const event of subscription) {
        if (event.kind === this.spec.kind && this.entries.size > 0) {
          const verdict = await this.spec.judge(event);
          for (const entry of this.entries.values()) this.dispatch(entry, event, verdict);
        }
        this.processed = event.seq;
      }
    } catch {
      // A failed judgement (the database is unreachable): the members end and their clients resume.
    }
    if (!this.ended) this.stop();
    for (const entry of [...this.entries.values()]) entry.member.close(subscription.closedBecause === 'overflow' ? 'overflow' : 'stopped');
    this.entries.clear();
  }

  private dispatch(entry: Entry<V>, event: ChangeEvent, verdict: V): void {
    if (event.seq <= entry.cursor) return;
    entry.cursor = event.seq;
    if (!entry.held) return entry.member.deliver(event, verdict);
    entry.held.push([event, verdict]);
    if (entry.held.length > MAX_HELD) this.drop(entry, 'overflow');
  }

  private drop(entry: Entry<V>, reason: CloseReason): void {
    if (this.entries.get(entry.member) !== entry) return;
    entry.member.close(reason);
    this.leave(entry.member);
  }

  /** (after, through] from the table, judged for this member alone; then what the group held for it. */
  private async catchUp(entry: Entry<V>, after: number, through: number): Promise<void> {
    try {
      for (let from = after; ;) {
        const page = await readEvents(this.feed.pool, from, through);
        if (page.length === 0) break;
        for (const event of page) {
          if (this.entries.get(entry.member) !== entry) return;
          if (event.kind === this.spec.kind) entry.member.deliver(event, await this.spec.judge(event));
        }
        from = page.at(-1)!.seq;
      }
    } catch {
      this.drop(entry, 'stopped');
      return;
    }
    if (this.entries.get(entry.member) !== entry) return;
    for (const [event, verdict] of entry.held!) entry.member.deliver(event, verdict);
    entry.held = undefined;
  }
}

/** The groups of one server process, by key. */
export class WatchCache {
  private readonly groups = new Map<string, WatchGroup<unknown>>();

  constructor(private readonly feed: ChangeFeed) {}

  /**
   * Adds `member` to the group for `key` (creating it from `spec` if there is none), from `start`
   * on. Returns how to leave.
   */
  join<V>(key: string, spec: () => WatchGroupSpec<V>, member: WatchMember<V>, start: number): () => void {
    let group = this.groups.get(key) as WatchGroup<V> | undefined;
    if (!group) {
      const created: WatchGroup<V> = new WatchGroup(this.feed, spec(), start, () => {
        if (this.groups.get(key) === (created as WatchGroup<unknown>)) this.groups.delete(key);
      });
      group = created;
      this.groups.set(key, group as WatchGroup<unknown>);
    }
    const joined = group;
    joined.join(member, start);
    return () => joined.leave(member);
  }

  /** Groups open now (for tests and metrics). */
  get groupCount(): number {
    return this.groups.size;
  }
}
