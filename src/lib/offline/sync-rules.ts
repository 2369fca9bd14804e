// The rules of replaying changes made on a device, as pure functions over plain data, so they can
// be tested without a browser. The queue itself (IndexedDB, fetch) is src/components/audit/save-queue.ts.
import type { ItemResult } from '../audit/scoring.ts';

export type ChangeKind = 'response' | 'evidence';

/** What the queue needs to know of a change to order and merge it. */
export type QueuedChange = {
  seq: number;
  itemId: string;
  kind: ChangeKind;
  /** Sent at least once: it may have been applied even if no answer came back, so it never changes again. */
  attempted: boolean;
  state: 'pending' | 'refused';
};

/**
 * The order pending changes are sent in: results and notes first, in the order they were made,
 * then photos in the order they were taken. So a photo always follows its item's result, and
 * small text changes are not stuck behind a large upload on a weak signal.
 */
export function replayOrder<C extends QueuedChange>(changes: C[]): C[] {
  const pending = changes.filter((c) => c.state === 'pending').sort((a, b) => a.seq - b.seq);
  return [...pending.filter((c) => c.kind === 'response'), ...pending.filter((c) => c.kind === 'evidence')];
}

/**
 * The pending change a new answer for an item may overwrite in place: the item's unsent answer.
 * One that was sent (even without an answer back) keeps its id and content; the new answer is a new change.
 */
export function replaceableAnswer<C extends QueuedChange>(changes: C[], itemId: string): C | undefined {
  return changes.find((c) => c.kind === 'response' && c.itemId === itemId && c.state === 'pending' && !c.attempted);
}

export type Outcome = 'applied' | 'refused' | 'retry';

/**
 * What an HTTP answer means for a change: applied (2xx, including a resend the server had applied
 * already); refused for good (409 signed meanwhile, 400/403/404/413/415/422: kept and shown, never
 * dropped); or try again later (no answer, 401 logged out, 408, 429, 5xx).
 */
export function outcomeOf(status: number | null): Outcome {
  if (status === null) return 'retry';
  if (status >= 200 && status < 300) return 'applied';
  if (status === 401 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'refused';
}

/** The answers a device still has to send, newest per item, laid over what the server last said. */
export function pendingAnswers(changes: Array<QueuedChange & { result?: ItemResult; note?: string }>): Record<string, { result: ItemResult; note: string }> {
  const out: Record<string, { result: ItemResult; note: string }> = {};
  for (const c of [...changes].sort((a, b) => a.seq - b.seq)) {
    if (c.kind === 'response' && c.state === 'pending' && c.result) out[c.itemId] = { result: c.result, note: c.note ?? '' };
  }
  return out;
}

/** Of two answers to one item from the server, the one it received last (answers carry the server's updatedAt). */
export function newerAnswer<A extends { updatedAt: number }>(a: A | undefined, b: A | undefined): A | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.updatedAt > a.updatedAt ? b : a;
}
