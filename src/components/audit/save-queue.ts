// Saves answers as they are given, one request at a time, newest answer per item. Unsaved
// answers are kept in localStorage, so going offline (or closing the tab) loses nothing; they
// are retried with backoff, when the browser comes back online, or on demand.
import type { ItemResult } from '../../lib/audit/scoring.ts';

export type PendingAnswer = { result: ItemResult; note: string };
export type SaveState = { pending: number; saving: boolean; offline: boolean; locked: boolean; refused: Array<{ itemId: string; error: string }> };
type Options = { auditId: string; onChange: (state: SaveState) => void };

const MAX_BACKOFF_MS = 30_000;

export class SaveQueue {
  #auditId: string;
  #onChange: (state: SaveState) => void;
  #pending = new Map<string, PendingAnswer>();
  #flushing = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #backoff = 0;
  #state: SaveState = { pending: 0, saving: false, offline: false, locked: false, refused: [] };

  constructor(o: Options) {
    this.#auditId = o.auditId;
    this.#onChange = o.onChange;
    try {
      const stored = JSON.parse(localStorage.getItem(this.#key()) ?? '{}') as Record<string, PendingAnswer>;
      for (const [itemId, answer] of Object.entries(stored)) this.#pending.set(itemId, answer);
    } catch {
      // unreadable storage: start empty
    }
    this.#emit({});
  }

  /** Answers saved on this device but not yet on the server (from an earlier visit, say). */
  pendingAnswers(): Record<string, PendingAnswer> {
    return Object.fromEntries(this.#pending);
  }

  /** Queues the newest answer for an item; `delayMs` lets typing settle before a note is sent. */
  set(itemId: string, answer: PendingAnswer, delayMs = 0): void {
    if (this.#state.locked) return;
    this.#pending.set(itemId, answer);
    this.#persist();
    this.#emit({});
    if (!this.#state.offline) this.#schedule(delayMs);
  }

  /** Tries again now (the retry button, the browser's online event). */
  retryNow(): void {
    this.#backoff = 0;
    this.#schedule(0);
  }

  /** Forgets refusal messages once read. */
  dismissRefusals(): void {
    this.#emit({ refused: [] });
  }

  #key(): string {
    return `lms-audit-pending:${this.#auditId}`;
  }

  #persist(): void {
    try {
      if (this.#pending.size === 0) localStorage.removeItem(this.#key());
      else localStorage.setItem(this.#key(), JSON.stringify(Object.fromEntries(this.#pending)));
    } catch {
      // storage full or disabled: answers still live in memory
    }
  }

  #emit(change: Partial<SaveState>): void {
    this.#state = { ...this.#state, ...change, pending: this.#pending.size };
    this.#onChange(this.#state);
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#flush(), ms);
  }

  #retryLater(): void {
    this.#backoff = Math.min(MAX_BACKOFF_MS, this.#backoff ? this.#backoff * 2 : 1000);
    this.#emit({ offline: true });
    this.#schedule(this.#backoff);
  }

  async #flush(): Promise<void> {
    if (this.#flushing) return;
    this.#flushing = true;
    this.#emit({ saving: true });
    try {
      while (this.#pending.size > 0 && !this.#state.locked) {
        const [itemId, answer] = this.#pending.entries().next().value as [string, PendingAnswer];
        let res: Response;
        try {
          res = await fetch(`/api/audits/${encodeURIComponent(this.#auditId)}/responses/${encodeURIComponent(itemId)}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(answer),
          });
        } catch {
          return this.#retryLater();
        }
        if (res.status === 409) return this.#emit({ locked: true, offline: false });
        if (res.status >= 500 || res.status === 401 || res.status === 408 || res.status === 429) return this.#retryLater();
        // saved, or refused for good (400/403/404/422): either way this answer leaves the queue
        if (this.#pending.get(itemId) === answer) this.#pending.delete(itemId);
        if (!res.ok) {
          const error = ((await res.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${res.status}`;
          this.#emit({ refused: [...this.#state.refused, { itemId, error }] });
        }
        this.#backoff = 0;
        this.#persist();
        this.#emit({ offline: false });
      }
    } finally {
      this.#flushing = false;
      this.#emit({ saving: false });
    }
  }
}
