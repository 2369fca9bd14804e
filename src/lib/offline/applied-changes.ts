// The table of change ids already applied. Each is written in the same transaction as the change
// itself, so "applied" and "remembered as applied" cannot come apart, and its primary key means
// two copies of one change racing each other cannot both be applied.
import { eq } from 'drizzle-orm';
import { appliedChanges } from '../../../db/schema.ts';
import type { Db, Tx } from '../db/client.ts';
import { conflict } from '../errors.ts';

export type AppliedChange = typeof appliedChanges.$inferSelect;
export type ChangeTarget = Pick<AppliedChange, 'auditId' | 'itemId' | 'kind' | 'actorId'>;

/** The applied change with this id, if any. */
export async function findAppliedChange(db: Db | Tx, changeId: string): Promise<AppliedChange | undefined> {
  const [row] = await db.select().from(appliedChanges).where(eq(appliedChanges.changeId, changeId));
  return row;
}

/** A resent change must be the same change: same audit, item, kind and person; anything else reusing the id is refused. */
export function assertSameChange(existing: ChangeTarget, target: ChangeTarget): void {
  const same = existing.auditId === target.auditId && existing.itemId === target.itemId && existing.kind === target.kind && existing.actorId === target.actorId;
  if (!same) throw conflict('This change id was already used for a different change').as('error.changeIdReused');
}

/** Remembers a change as applied, inside the transaction that applies it. */
export async function rememberAppliedChange(tx: Tx, row: AppliedChange): Promise<void> {
  await tx.insert(appliedChanges).values(row);
}

/** Whether an error is the primary key of applied_changes refusing a second copy (another server got there first). */
export function isDuplicateChangeError(err: unknown): boolean {
  const text = `${err instanceof Error ? err.message : ''} ${err instanceof Error && err.cause instanceof Error ? err.cause.message : ''}`;
  return /UNIQUE constraint failed: applied_changes\.change_id/.test(text);
}
