// Saves what the auditor records, online or not. Every change (a result with its note, or a
// photo) is first written to IndexedDB with a client-generated id, then sent in order, one at a
// time: results and notes first, photos after. The server applies each id once, so a resend after
// a lost answer does no harm. Refusals (the audit was signed meanwhile, say) stay listed with the
// server's reason until the auditor dismisses them; nothing is dropped silently.
import type { ItemResult } from '../../lib/audit/scoring.ts';
import { outcomeOf, pendingAnswers, replaceableAnswer, replayOrder, type ChangeKind } from '../../lib/offline/sync-rules.ts';
import type { EvidenceFile } from './ItemCard.tsx';
import { addChange, deleteChange, deviceStorage, getChange, listChanges, rememberAnswer, rememberFile, saveChange, type StoredChange } from './offline-store.ts';

export type PendingAnswer = { result: ItemResult; note: string };
export type RefusedChange = { seq: number; id: string; itemId: string; kind: ChangeKind; result?: ItemResult; fileName?: string; error: string; status: number };
export type PendingUpload = { seq: number; itemId: string; fileName: string; file: Blob };
export type SaveState = {
  /** False until the device's queue has been read: nothing can be called saved before. */
  ready: boolean;
  pending: number;
  pendingItems: string[];
  saving: boolean;
  offline: boolean;
  locked: boolean;
  signedOut: boolean;
  /** IndexedDB could not be opened: changes live in this tab only. */
  memoryOnly: boolean;
  refused: RefusedChange[];
  uploads: PendingUpload[];
};
export type AppliedAnswer = PendingAnswer & { itemId: string; updatedAt: number; updatedBy: string; applied: boolean; recordedAt: number };
type Options = {
  auditId: string;
  userId: string;
  onChange: (state: SaveState) => void;
  onAnswerApplied: (answer: AppliedAnswer) => void;
  onFileApplied: (file: EvidenceFile, seq: number) => void;
};

const MAX_BACKOFF_MS = 30_000;
const ANSWER_TIMEOUT_MS = 30_000;
const UPLOAD_TIMEOUT_MS = 180_000;

export const emptySaveState: SaveState = { pending: 0, pendingItems: [], saving: false, offline: false, locked: false, signedOut: false, memoryOnly: false, ready: false, refused: [], uploads: [] };

export class SaveQueue {
  #o: Options;
  #changes: StoredChange[] = [];
  #serial: Promise<unknown> = Promise.resolve();
  #flushing = false;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #backoff = 0;
  #state: SaveState = { ...emptySaveState };

  constructor(o: Options) {
    this.#o = o;
  }

  /** Reads what this device still holds for the audit (from an earlier visit, offline or closed tab). */
  async load(): Promise<void> {
    await this.#run(async () => {
      this.#changes = await listChanges(this.#o.userId, this.#o.auditId);
    });
    this.#emit({ ready: true, offline: !navigator.onLine, memoryOnly: !(await deviceStorage()), locked: this.#changes.some((c) => c.state === 'refused' && c.status === 409) });
  }

  /** Answers recorded on this device but not yet on the server. */
  pendingAnswers(): Record<string, PendingAnswer> {
    return pendingAnswers(this.#changes);
  }

  /** Records the newest answer for an item; `delayMs` lets typing settle before a note is sent. */
  set(itemId: string, answer: PendingAnswer, delayMs = 0): void {
    this.#emit({ saving: true }); // at once: the bar must not say "saved" while this is being written down
    void this.#run(async () => {
      const open = replaceableAnswer(this.#changes, itemId);
      // another tab of this audit may have sent it meanwhile: only an answer still unsent is edited in place
      const stored = open && (await getChange(open.seq));
      if (open && stored && !stored.attempted) {
        Object.assign(open, answer, { recordedAt: Date.now() });
        await saveChange(open);
      } else {
        this.#changes.push(await addChange({ ...this.#base(itemId, 'response'), ...answer }));
      }
      this.#emit({});
      this.#schedule(delayMs);
    });
  }

  /** Keeps a photo or PDF for an item; it is sent after the results and notes waiting before it. */
  addFile(itemId: string, file: File): void {
    this.#emit({ saving: true });
    void this.#run(async () => {
      this.#changes.push(await addChange({ ...this.#base(itemId, 'evidence'), file, fileName: file.name }));
      this.#emit({});
      this.#schedule(0);
    });
  }

  /** The browser says the connection came or went. */
  setOnline(online: boolean): void {
    this.#emit({ offline: !online });
    if (online) this.retryNow();
  }

  /** Tries again now (the retry button, the browser's online event). */
  retryNow(): void {
    this.#backoff = 0;
    this.#schedule(0);
  }

  /** Forgets refused changes once the auditor has read why. */
  dismissRefusals(): void {
    void this.#run(async () => {
      for (const c of this.#changes.filter((x) => x.state === 'refused')) await deleteChange(c.seq);
      this.#changes = this.#changes.filter((x) => x.state !== 'refused');
      this.#emit({});
    });
  }

  #base(itemId: string, kind: ChangeKind) {
    return { id: crypto.randomUUID(), userId: this.#o.userId, auditId: this.#o.auditId, itemId, kind, attempted: false, state: 'pending' as const, recordedAt: Date.now() };
  }

  /** IndexedDB writes one after another, so the queue's order is the order things happened. */
  #run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#serial.then(work);
    this.#serial = next.catch((err: unknown) => console.error('offline queue:', err));
    return next;
  }

  #emit(change: Partial<SaveState>): void {
    const pending = this.#changes.filter((c) => c.state === 'pending');
    const refused = this.#changes
      .filter((c) => c.state === 'refused')
      .map((c) => ({ seq: c.seq, id: c.id, itemId: c.itemId, kind: c.kind, result: c.result, fileName: c.fileName, error: c.error ?? '', status: c.status ?? 0 }));
    const uploads = pending.filter((c) => c.kind === 'evidence' && c.file).map((c) => ({ seq: c.seq, itemId: c.itemId, fileName: c.fileName ?? '', file: c.file! }));
    const pendingItems = [...new Set(pending.filter((c) => c.kind === 'response').map((c) => c.itemId))];
    this.#state = { ...this.#state, ...change, pending: pending.length, pendingItems, refused, uploads };
    this.#o.onChange(this.#state);
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    if (this.#state.offline && ms === 0 && !navigator.onLine) return;
    this.#timer = setTimeout(() => void this.#flush(), ms);
  }

  #retryLater(offline: boolean): void {
    this.#backoff = Math.min(MAX_BACKOFF_MS, this.#backoff ? this.#backoff * 2 : 1000);
    this.#emit({ offline });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#flush(), this.#backoff);
  }

  async #flush(): Promise<void> {
    if (this.#flushing) {
      this.#again = true; // a change may have come in after the running pass looked: look once more after it
      return;
    }
    this.#flushing = true;
    this.#emit({ saving: true });
    try {
      // one tab at a time sends this audit's queue (the server would apply a change sent by two tabs once anyway)
      if (navigator.locks) await navigator.locks.request(`lms-audit-sync:${this.#o.auditId}`, () => this.#sendAll());
      else await this.#sendAll();
    } finally {
      this.#flushing = false;
      this.#emit({ saving: false });
      if (this.#again) {
        this.#again = false;
        this.#schedule(0);
      }
    }
  }

  async #sendAll(): Promise<void> {
    for (;;) {
      // what another tab sent, added or refused is in IndexedDB, not in this tab's memory
      await this.#run(async () => {
        this.#changes = await listChanges(this.#o.userId, this.#o.auditId);
      });
      const change = replayOrder(this.#changes)[0];
      if (!change) break;
      // sent from now on: it may be applied even if no answer arrives, so later edits become new changes
      await this.#run(async () => {
        change.attempted = true;
        await saveChange(change);
      });
      let res: Response | null = null;
      try {
        res = await this.#send(change);
      } catch {
        res = null;
      }
      const outcome = outcomeOf(res?.status ?? null);
      if (outcome === 'retry') {
        this.#emit({ signedOut: res?.status === 401 });
        return this.#retryLater(res === null);
      }
      const body = (await res!.json().catch(() => ({}))) as Record<string, unknown>;
      await this.#run(async () => {
        if (outcome === 'applied') {
          await deleteChange(change.seq);
          this.#changes = this.#changes.filter((c) => c !== change);
          await this.#applied(change, body);
        } else {
          Object.assign(change, { state: 'refused', error: typeof body.error === 'string' ? body.error : `HTTP ${res!.status}`, status: res!.status });
          await saveChange(change);
        }
      });
      this.#backoff = 0;
      this.#emit({ offline: false, signedOut: false, locked: this.#state.locked || res!.status === 409 });
    }
  }

  #send(c: StoredChange): Promise<Response> {
    const base = `/api/audits/${encodeURIComponent(c.auditId)}`;
    if (c.kind === 'response') {
      return fetch(`${base}/responses/${encodeURIComponent(c.itemId)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ result: c.result, note: c.note ?? '', changeId: c.id, recordedAt: c.recordedAt }),
        signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
      });
    }
    const form = new FormData();
    form.append('itemId', c.itemId);
    form.append('changeId', c.id);
    form.append('file', c.file!, c.fileName ?? 'evidence');
    return fetch(`${base}/evidence`, { method: 'POST', body: form, signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
  }

  async #applied(c: StoredChange, body: Record<string, unknown>): Promise<void> {
    if (c.kind === 'response') {
      const answer = body as unknown as AppliedAnswer;
      await rememberAnswer({ auditId: c.auditId, itemId: c.itemId, result: answer.result, note: answer.note, updatedAt: answer.updatedAt, updatedBy: answer.updatedBy });
      this.#o.onAnswerApplied({ ...answer, itemId: c.itemId, recordedAt: c.recordedAt });
    } else {
      const file = body as unknown as EvidenceFile;
      const known = { id: file.id, itemId: file.itemId, fileName: file.fileName, mimeType: file.mimeType, size: file.size };
      await rememberFile({ ...known, auditId: c.auditId });
      this.#o.onFileApplied(known, c.seq);
    }
  }
}
