import { sql } from 'drizzle-orm';
import { auditResponses } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { notFound, unprocessable } from '../errors.ts';
import { appendLog } from '../log/append-log.ts';
import { assertAllowed, canWriteAudit, type Actor } from './audit-access.ts';
import { assertEditable } from './audit-state.ts';
import { checklistOf, findAudit, hasItem, type Answer } from './load-audit.ts';
import type { ItemResult } from './scoring.ts';

export const MAX_NOTE_LENGTH = 4000;

export type RecordResponseOptions = {
  auditId: string;
  itemId: string;
  result: ItemResult;
  /** Omitted: keep the note already recorded (or none). */
  note?: string;
  actor: Actor;
  now?: number;
};

/** Records (or replaces) the result and note of one item of a draft audit; 409 once it is signed. */
export async function recordResponse(db: Db, o: RecordResponseOptions): Promise<Answer & { itemId: string }> {
  if (o.note !== undefined && o.note.length > MAX_NOTE_LENGTH) throw unprocessable(`A note is at most ${MAX_NOTE_LENGTH} characters`).as('error.noteTooLong', { max: MAX_NOTE_LENGTH });
  const note = o.note?.trim();
  return writeTransaction(db, async (tx) => {
    const audit = await findAudit(tx, o.auditId);
    assertAllowed(canWriteAudit(o.actor, audit), 'Only the auditor of this audit may change it');
    assertEditable(audit);
    if (!hasItem(checklistOf(audit), o.itemId)) throw notFound(`The checklist has no item "${o.itemId}"`).as('error.noSuchItem', { item: o.itemId });
    const now = o.now ?? Date.now();
    // One row per item: two items edited at once are two rows, so neither edit can undo the other.
    const [row] = await tx
      .insert(auditResponses)
      .values({ auditId: o.auditId, itemId: o.itemId, result: o.result, note: note ?? '', updatedBy: o.actor.id, updatedAt: now })
      .onConflictDoUpdate({
        target: [auditResponses.auditId, auditResponses.itemId],
        set: { result: o.result, note: note ?? sql`${auditResponses.note}`, updatedBy: o.actor.id, updatedAt: now },
      })
      .returning();
    await appendLog(tx, { actorId: o.actor.id, action: 'audit.response', subjectType: 'audit', subjectId: o.auditId, details: { itemId: o.itemId, result: o.result, note: row!.note }, at: now });
    return { itemId: o.itemId, result: row!.result, note: row!.note, updatedAt: row!.updatedAt, updatedBy: row!.updatedBy };
  });
}
