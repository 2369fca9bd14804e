import { and, asc, desc, eq } from 'drizzle-orm';
import { correctiveActions, signedDocuments } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { canManageActions } from './action-access.ts';
import { auditClosure, type Closure } from './action-overdue.ts';
import type { ActionActor } from './action-transitions.ts';
import { findAudit } from './load-audit.ts';
import { selectActionRows, toListRow, type ActionListRow } from './list-actions.ts';
import { forbidden } from '../errors.ts';

export type AuditActions = {
  auditId: string;
  auditStatus: 'draft' | 'signed';
  closure: Closure;
  overdue: number;
  actions: ActionListRow[];
  followUps: Array<{ id: string; signedAt: number; signerName: string; verificationCode: string; sha256: string }>;
};

/** The state of one audit's corrective actions (closed when all are verified) and its issued follow-up reports. */
export async function listAuditActions(db: Db, o: { auditId: string; actor: ActionActor; now?: number }): Promise<AuditActions> {
  if (!canManageActions(o.actor)) throw forbidden();
  const now = o.now ?? Date.now();
  const audit = await findAudit(db, o.auditId);
  const [raw, followUps] = await Promise.all([
    selectActionRows(db).where(eq(correctiveActions.auditId, audit.id)).orderBy(asc(correctiveActions.createdAt), asc(correctiveActions.itemId), asc(correctiveActions.id)),
    db
      .select({ id: signedDocuments.id, signedAt: signedDocuments.signedAt, signerName: signedDocuments.signerName, verificationCode: signedDocuments.verificationCode, sha256: signedDocuments.sha256 })
      .from(signedDocuments)
      .where(and(eq(signedDocuments.kind, 'follow_up_report'), eq(signedDocuments.subjectId, audit.id)))
      .orderBy(desc(signedDocuments.signedAt), desc(signedDocuments.id)),
  ]);
  const actions = raw.map((r) => toListRow(r, now));
  return {
    auditId: audit.id,
    auditStatus: audit.status,
    closure: auditClosure(audit.status, actions.map((a) => a.status)),
    overdue: actions.filter((a) => a.overdue).length,
    actions,
    followUps,
  };
}
