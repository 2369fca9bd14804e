import { desc } from 'drizzle-orm';
import { auditLog } from '../../../db/schema.ts';
import type { Tx } from '../db/client.ts';
import { entryHash, GENESIS_HASH } from './hash-chain.ts';

export type AppendLogOptions = {
  actorId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
  at?: number;
};

/** Appends one entry to the hash-chained audit log, inside the caller's write transaction. */
export async function appendLog(tx: Tx, o: AppendLogOptions): Promise<void> {
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const content = {
    seq: (last?.seq ?? 0) + 1,
    at: o.at ?? Date.now(),
    actorId: o.actorId,
    action: o.action,
    subjectType: o.subjectType ?? null,
    subjectId: o.subjectId ?? null,
    details: JSON.stringify(o.details ?? {}),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...content, prevHash, hash: entryHash(prevHash, content) });
}
