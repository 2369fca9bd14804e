import { asc, gt } from 'drizzle-orm';
import { auditLog } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { checkChainSegment, GENESIS_HASH, type ChainCheck } from './hash-chain.ts';

/** Walks the whole audit log in pages and reports the first entry that breaks the chain. */
export async function verifyLog(db: Db, pageSize = 5000): Promise<ChainCheck> {
  let last = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, last.seq)).orderBy(asc(auditLog.seq)).limit(pageSize);
    if (rows.length === 0) return { ok: true, count };
    const segment = checkChainSegment(rows, last);
    if (!segment.ok) return { ok: false, count, badSeq: segment.badSeq, reason: segment.reason };
    count += segment.count;
    last = segment.last;
  }
}
