// When a re-audit is signed, each item that now passes closes the loop: the first audit's
// corrective action for that item is verified, with an event naming the re-audit, so the first
// audit's follow-up report shows it closed. Items still failing get a comment saying so.
import { and, eq, ne } from 'drizzle-orm';
import { actionEvents, correctiveActions } from '../../../db/schema.ts';
import type { Answer, AuditRow } from '../audit/load-audit.ts';
import type { Tx } from '../db/client.ts';
import { appendLog } from '../log/append-log.ts';

export type LoopResult = { verified: string[]; stillOpen: string[] };

/** For a re-audit: the items whose corrective action in the first audit is not verified yet (they stay tracked there). */
export async function itemsTrackedByFirstAudit(tx: Tx, audit: Pick<AuditRow, 'followsAuditId'>): Promise<Set<string>> {
  if (!audit.followsAuditId) return new Set();
  const rows = await tx.select({ itemId: correctiveActions.itemId }).from(correctiveActions).where(and(eq(correctiveActions.auditId, audit.followsAuditId), ne(correctiveActions.status, 'verified')));
  return new Set(rows.flatMap((r) => (r.itemId ? [r.itemId] : [])));
}

/** Inside the re-audit's signing transaction: verifies the first audit's actions whose items now pass. */
export async function closeReAuditLoop(tx: Tx, o: { audit: Pick<AuditRow, 'id' | 'title' | 'followsAuditId'>; answers: Record<string, Answer>; actorId: string; at: number }): Promise<LoopResult> {
  const result: LoopResult = { verified: [], stillOpen: [] };
  if (!o.audit.followsAuditId) return result;
  const open = await tx.select().from(correctiveActions).where(and(eq(correctiveActions.auditId, o.audit.followsAuditId), ne(correctiveActions.status, 'verified')));
  for (const action of open) {
    const answer = action.itemId ? o.answers[action.itemId] : undefined;
    if (!answer) continue;
    if (answer.result === 'pass') {
      await tx.update(correctiveActions).set({ status: 'verified', updatedAt: o.at }).where(eq(correctiveActions.id, action.id));
      await tx.insert(actionEvents).values({ actionId: action.id, actorId: o.actorId, at: o.at, kind: 'status', fromValue: action.status, toValue: 'verified', comment: `Verified by re-audit "${o.audit.title}" (${o.audit.id}): the item now passes.` });
      result.verified.push(action.id);
    } else if (answer.result === 'fail' || answer.result === 'partial') {
      await tx.insert(actionEvents).values({ actionId: action.id, actorId: o.actorId, at: o.at, kind: 'comment', comment: `Re-audit "${o.audit.title}" (${o.audit.id}) found the item ${answer.result} again.` });
      result.stillOpen.push(action.id);
    }
  }
  if (result.verified.length || result.stillOpen.length) {
    await appendLog(tx, { actorId: o.actorId, action: 'action.re_audit', subjectType: 'audit', subjectId: o.audit.followsAuditId, details: { reAuditId: o.audit.id, verified: result.verified, stillOpen: result.stillOpen }, at: o.at });
  }
  return result;
}
