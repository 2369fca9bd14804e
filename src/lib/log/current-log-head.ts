import { desc } from 'drizzle-orm';
import { auditLog } from '../../../db/schema.ts';
import type { Db, Tx } from '../db/client.ts';
import { GENESIS_HASH } from './hash-chain.ts';

/** The newest entry of the audit log: what an anchor records. seq 0 and the genesis hash for an empty log. */
export type LogHead = { seq: number; hash: string };

/**
 * The log head as this transaction sees it. Called inside the write transaction that then
 * appends the signing's own entry, so a signed document's anchor is exactly the entry before it.
 */
export async function currentLogHead(tx: Tx | Db): Promise<LogHead> {
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return last ?? { seq: 0, hash: GENESIS_HASH };
}
