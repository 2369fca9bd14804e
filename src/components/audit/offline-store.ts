// The device's copy of an audit in IndexedDB (through idb): changes waiting to be sent (photos as
// Blobs), and what the server last confirmed, so a page opened offline from an older cached copy
// still shows answers and files saved since.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ItemResult } from '../../lib/audit/scoring.ts';
import type { QueuedChange } from '../../lib/offline/sync-rules.ts';
import type { EvidenceFile } from './ItemCard.tsx';

/** A change made on this device, as kept until the server has applied it (or the auditor dismissed its refusal). */
export type StoredChange = QueuedChange & {
  /** The client-generated change id the server applies once. */
  id: string;
  userId: string;
  auditId: string;
  recordedAt: number;
  result?: ItemResult;
  note?: string;
  file?: Blob;
  fileName?: string;
  /** Why the server refused it, in its words, with the status. */
  error?: string;
  status?: number;
};
export type NewChange = Omit<StoredChange, 'seq'>;
export type KnownAnswer = { auditId: string; itemId: string; result: ItemResult; note: string; updatedAt: number; updatedBy: string };
export type KnownFile = EvidenceFile & { auditId: string };

interface OfflineDb extends DBSchema {
  changes: { key: number; value: StoredChange; indexes: { byAudit: [string, string] } };
  answers: { key: [string, string]; value: KnownAnswer; indexes: { byAudit: string } };
  files: { key: string; value: KnownFile; indexes: { byAudit: string } };
}

let opened: Promise<IDBPDatabase<OfflineDb> | null> | null = null;

// Where IndexedDB cannot be opened (storage disabled, some private windows), changes live in this
// tab's memory instead: still sent in order and applied once, but lost if the tab is closed
// (the page says so, see deviceStorage()).
const memory = { seq: 0, changes: new Map<number, StoredChange>(), answers: new Map<string, KnownAnswer>(), files: new Map<string, KnownFile>() };

function db(): Promise<IDBPDatabase<OfflineDb> | null> {
  opened ??= openDB<OfflineDb>('lms-offline', 1, {
    upgrade(d) {
      d.createObjectStore('changes', { keyPath: 'seq', autoIncrement: true }).createIndex('byAudit', ['userId', 'auditId']);
      d.createObjectStore('answers', { keyPath: ['auditId', 'itemId'] }).createIndex('byAudit', 'auditId');
      d.createObjectStore('files', { keyPath: 'id' }).createIndex('byAudit', 'auditId');
    },
  }).catch((err: unknown) => {
    console.warn('IndexedDB unavailable, changes are kept in memory only:', err);
    return null;
  });
  return opened;
}

/** Whether changes survive closing the tab here (false: IndexedDB could not be opened). */
export async function deviceStorage(): Promise<boolean> {
  return (await db()) !== null;
}

/** This person's changes to this audit, in the order they were made. */
export async function listChanges(userId: string, auditId: string): Promise<StoredChange[]> {
  const d = await db();
  if (!d) return [...memory.changes.values()].filter((c) => c.userId === userId && c.auditId === auditId).map((c) => ({ ...c }));
  return d.getAllFromIndex('changes', 'byAudit', [userId, auditId]);
}

/** One change as stored now (another tab of this audit may have sent or edited it). */
export async function getChange(seq: number): Promise<StoredChange | undefined> {
  const d = await db();
  if (!d) return memory.changes.has(seq) ? { ...memory.changes.get(seq)! } : undefined;
  return d.get('changes', seq);
}

/** Stores a new change; returns it with its place in the queue. */
export async function addChange(change: NewChange): Promise<StoredChange> {
  const d = await db();
  if (!d) {
    const stored = { ...change, seq: ++memory.seq };
    memory.changes.set(stored.seq, { ...stored });
    return stored;
  }
  const seq = await d.add('changes', change as StoredChange);
  return { ...change, seq };
}

/** Writes a change back after it was edited, tried or refused. */
export async function saveChange(change: StoredChange): Promise<void> {
  const d = await db();
  if (!d) memory.changes.set(change.seq, { ...change });
  else await d.put('changes', change);
}

/** Forgets a change: applied by the server, or its refusal read and dismissed by the auditor. */
export async function deleteChange(seq: number): Promise<void> {
  const d = await db();
  if (!d) memory.changes.delete(seq);
  else await d.delete('changes', seq);
}

/** What the server last confirmed for the audit's items. */
export async function knownAnswers(auditId: string): Promise<KnownAnswer[]> {
  const d = await db();
  if (!d) return [...memory.answers.values()].filter((a) => a.auditId === auditId);
  return d.getAllFromIndex('answers', 'byAudit', auditId);
}

/** Remembers an answer the server confirmed. */
export async function rememberAnswer(answer: KnownAnswer): Promise<void> {
  const d = await db();
  if (!d) memory.answers.set(`${answer.auditId}/${answer.itemId}`, answer);
  else await d.put('answers', answer);
}

/** Files the server confirmed for the audit. */
export async function knownFiles(auditId: string): Promise<KnownFile[]> {
  const d = await db();
  if (!d) return [...memory.files.values()].filter((f) => f.auditId === auditId);
  return d.getAllFromIndex('files', 'byAudit', auditId);
}

/** Remembers a file the server stored. */
export async function rememberFile(file: KnownFile): Promise<void> {
  const d = await db();
  if (!d) memory.files.set(file.id, file);
  else await d.put('files', file);
}
