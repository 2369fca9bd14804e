import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../../db/schema.ts';
import { permissions } from '../auth/permissions.ts';
import type { Tx } from '../db/client.ts';
import { enqueueMail } from '../notify/enqueue-mail.ts';
import type { TakenCheckpoint } from './take-checkpoint.ts';

/**
 * Queues a new checkpoint to everyone who verifies the log (the admins), in the transaction that
 * lists it, so a signed copy lives outside the machine; `log verify --checkpoint` takes the saved mail.
 */
export async function mailCheckpoint(tx: Tx, c: TakenCheckpoint): Promise<number> {
  const admins = await tx.select({ id: users.id }).from(users).where(and(inArray(users.role, [...permissions['admin.log']]), eq(users.active, true)));
  let queued = 0;
  for (const admin of admins) {
    const added = await enqueueMail(tx, {
      to: admin.id,
      kind: 'log.checkpoint',
      dedupKey: `log-checkpoint:${c.fileName}:${admin.id}`,
      link: '/admin',
      params: { seq: c.seq, hash: c.hash, taken: new Date(c.at).toISOString(), file: c.fileName, checkpoint: c.text },
      subject: { type: 'log_checkpoint', id: c.fileName },
      now: c.at,
    });
    if (added) queued++;
  }
  return queued;
}
