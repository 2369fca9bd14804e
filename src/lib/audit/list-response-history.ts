import { asc, eq } from 'drizzle-orm';
import { auditResponseHistory, users } from '../../../db/schema.ts';
import type { Reader } from './load-audit.ts';
import type { ItemResult } from './scoring.ts';

/** One answer an item had: who gave it, when the server received it and when the device recorded it. */
export type HistoryEntry = { result: ItemResult; note: string; byName: string; byId: string; receivedAt: number; recordedAt: number | null };

/** Every item's answers in the order the server received them (the last is the one that stands). */
export async function listResponseHistory(db: Reader, auditId: string): Promise<Record<string, HistoryEntry[]>> {
  const rows = await db
    .select({ itemId: auditResponseHistory.itemId, result: auditResponseHistory.result, note: auditResponseHistory.note, byId: auditResponseHistory.changedBy, byName: users.name, receivedAt: auditResponseHistory.receivedAt, recordedAt: auditResponseHistory.recordedAt })
    .from(auditResponseHistory)
    .innerJoin(users, eq(users.id, auditResponseHistory.changedBy))
    .where(eq(auditResponseHistory.auditId, auditId))
    .orderBy(asc(auditResponseHistory.id));
  const byItem: Record<string, HistoryEntry[]> = {};
  for (const { itemId, ...entry } of rows) (byItem[itemId] ??= []).push(entry);
  return byItem;
}
