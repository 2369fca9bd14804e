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

let opened: Promise<IDBPDatabase<OfflineDb>> | null = null;

function db(): Promise<IDBPDatabase<OfflineDb>> {
  opened ??= openDB<OfflineDb>('lms-offline', 1, {
    upgrade(d) {
      d.createObjectStore('changes', { keyPath: 'seq', autoIncrement: true }).createIndex('byAudit', ['userId', 'auditId']);
      d.createObjectStore('answers', { keyPath: ['auditId', 'itemId'] }).createIndex('byAudit', 'auditId');
      d.createObjectStore('files', { keyPath: 'id' }).createIndex('byAudit', 'auditId');
    },
  });
  return opened;
}

/** This person's changes to this audit, in the order they were made. */
export async function listChanges(userId: string, auditId: string): Promise<StoredChange[]> {
  return (await db()).getAllFromIndex('changes', 'byAudit', [userId, auditId]);
}

/** One change as stored now (another tab of this audit may have sent or edited it). */
export async function getChange(seq: number): Promise<StoredChange | undefined> {
  return (await db()).get('changes', seq);
}

/** Stores a new change; returns it with its place in the queue. */
export async function addChange(change: NewChange): Promise<StoredChange> {
  const seq = await (await db()).add('changes', change as StoredChange);
  return { ...change, seq };
}

/** Writes a change back after it was edited, tried or refused. */
export async function saveChange(change: StoredChange): Promise<void> {
  await (await db()).put('changes', change);
}

/** Forgets a change: applied by the server, or its refusal read and dismissed by the auditor. */
export async function deleteChange(seq: number): Promise<void> {
  await (await db()).delete('changes', seq);
}

/** What the server last confirmed for the audit's items. */
export async function knownAnswers(auditId: string): Promise<KnownAnswer[]> {
  return (await db()).getAllFromIndex('answers', 'byAudit', auditId);
}

/** Remembers an answer the server confirmed. */
export async function rememberAnswer(answer: KnownAnswer): Promise<void> {
  await (await db()).put('answers', answer);
}

/** Files the server confirmed for the audit. */
export async function knownFiles(auditId: string): Promise<KnownFile[]> {
  return (await db()).getAllFromIndex('files', 'byAudit', auditId);
}

/** Remembers a file the server stored. */
export async function rememberFile(file: KnownFile): Promise<void> {
  await (await db()).put('files', file);
}
