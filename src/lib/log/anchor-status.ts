import { desc, isNotNull } from 'drizzle-orm';
import { logCheckpoints, signedDocuments } from '../../../db/schema.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import { currentLogHead, type LogHead } from './current-log-head.ts';

export type NewestAnchor = { kind: 'checkpoint' | 'document'; name: string; seq: number; at: number };
export type AnchorStatus = { head: LogHead; newest: NewestAnchor | null; afterNewest: number };

/** The log head and its newest anchor as the database lists them (cheap; `verifyLog` is what checks them). */
export async function anchorStatus(db: Db, actor: Pick<Actor, 'role'>): Promise<AnchorStatus> {
  assertCan(actor, 'admin.log');
  const [head, [checkpoint], [document]] = await Promise.all([
    currentLogHead(db),
    db.select().from(logCheckpoints).orderBy(desc(logCheckpoints.seq), desc(logCheckpoints.at)).limit(1),
    db
      .select({ id: signedDocuments.id, kind: signedDocuments.kind, seq: signedDocuments.logSeq, at: signedDocuments.signedAt })
      .from(signedDocuments)
      .where(isNotNull(signedDocuments.logSeq))
      .orderBy(desc(signedDocuments.logSeq), desc(signedDocuments.signedAt))
      .limit(1),
  ]);
  const candidates: NewestAnchor[] = [];
  if (checkpoint) candidates.push({ kind: 'checkpoint', name: checkpoint.fileName, seq: checkpoint.seq, at: checkpoint.at });
  if (document?.seq != null) candidates.push({ kind: 'document', name: `${document.kind.replace(/_/g, ' ')} ${document.id}`, seq: document.seq, at: document.at });
  const newest = candidates.sort((a, b) => b.seq - a.seq || b.at - a.at)[0] ?? null;
  return { head, newest, afterNewest: head.seq - (newest?.seq ?? 0) };
}

/** An age in the coarsest unit that keeps it readable: minutes under two hours, hours under two days, then days. */
export function anchorAge(ms: number): { unit: 'minutes' | 'hours' | 'days'; n: number } {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 120) return { unit: 'minutes', n: minutes };
  if (minutes < 48 * 60) return { unit: 'hours', n: Math.floor(minutes / 60) };
  return { unit: 'days', n: Math.floor(minutes / (24 * 60)) };
}
