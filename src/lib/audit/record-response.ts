import { eq, and, sql } from 'drizzle-orm';
import { auditResponseHistory, auditResponses } from '../../../db/schema.ts';
import type { Db, Tx } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { notFound, unprocessable } from '../errors.ts';
import { appendLog } from '../log/append-log.ts';
import { assertSameChange, findAppliedChange, isDuplicateChangeError, rememberAppliedChange } from '../offline/applied-changes.ts';
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
  /** The device's id for this change: a change sent again with the same id is applied once. */
  changeId?: string;
  /** When the device recorded it, by its clock (kept in the history only). */
  recordedAt?: number;
  now?: number;
};

/** The stored answer; `applied` is false when the change id had been applied before (nothing changed now). */
export type RecordedResponse = Answer & { itemId: string; changeId: string | null; applied: boolean };

/**
 * Records (or replaces) the result and note of one item of a draft audit; 409 once it is signed.
 * The last change the server receives wins (device clocks are not trusted to order changes); every
 * change is kept in the item's history.
 */
export async function recordResponse(db: Db, o: RecordResponseOptions): Promise<RecordedResponse> {
  if (o.note !== undefined && o.note.length > MAX_NOTE_LENGTH) throw unprocessable(`A note is at most ${MAX_NOTE_LENGTH} characters`).as('error.noteTooLong', { max: MAX_NOTE_LENGTH });
  try {
    return await writeTransaction(db, (tx) => apply(tx, o));
  } catch (err) {
    // another server applied the same change id between our check and our insert: answer as a resend
    if (o.changeId && isDuplicateChangeError(err)) return writeTransaction(db, (tx) => apply(tx, o));
    throw err;
  }
}

async function apply(tx: Tx, o: RecordResponseOptions): Promise<RecordedResponse> {
  const note = o.note?.trim();
  const audit = await findAudit(tx, o.auditId);
  assertAllowed(canWriteAudit(o.actor, audit), 'Only the auditor of this audit may change it');
  const target = { auditId: o.auditId, itemId: o.itemId, kind: 'response' as const, actorId: o.actor.id };
  if (o.changeId) {
    // checked before "is it signed?": a change applied before the audit was signed was applied, and its resend says so
    const done = await findAppliedChange(tx, o.changeId);
    if (done) {
      assertSameChange(done, target);
      const [row] = await tx.select().from(auditResponses).where(and(eq(auditResponses.auditId, o.auditId), eq(auditResponses.itemId, o.itemId)));
      return { itemId: o.itemId, result: row!.result, note: row!.note, updatedAt: row!.updatedAt, updatedBy: row!.updatedBy, changeId: o.changeId, applied: false };
    }
  }
  assertEditable(audit);
  if (!hasItem(checklistOf(audit), o.itemId)) throw notFound(`The checklist has no item "${o.itemId}"`).as('error.noSuchItem', { item: o.itemId });
  const now = o.now ?? Date.now();
  if (o.changeId) await rememberAppliedChange(tx, { ...target, changeId: o.changeId, evidenceId: null, appliedAt: now });
  // One row per item: two items edited at once are two rows, so neither edit can undo the other.
  const [row] = await tx
    .insert(auditResponses)
    .values({ auditId: o.auditId, itemId: o.itemId, result: o.result, note: note ?? '', updatedBy: o.actor.id, updatedAt: now })
    .onConflictDoUpdate({
      target: [auditResponses.auditId, auditResponses.itemId],
      set: { result: o.result, note: note ?? sql`${auditResponses.note}`, updatedBy: o.actor.id, updatedAt: now },
    })
    .returning();
  await tx.insert(auditResponseHistory).values({
    auditId: o.auditId,
    itemId: o.itemId,
    result: row!.result,
    note: row!.note,
    changedBy: o.actor.id,
    receivedAt: now,
    recordedAt: o.recordedAt ?? null,
    changeId: o.changeId ?? null,
  });
  await appendLog(tx, {
    actorId: o.actor.id,
    action: 'audit.response',
    subjectType: 'audit',
    subjectId: o.auditId,
    details: { itemId: o.itemId, result: o.result, note: row!.note, ...(o.changeId ? { changeId: o.changeId } : {}) },
    at: now,
  });
  return { itemId: o.itemId, result: row!.result, note: row!.note, updatedAt: row!.updatedAt, updatedBy: row!.updatedBy, changeId: o.changeId ?? null, applied: true };
}
