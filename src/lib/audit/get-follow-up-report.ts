import { and, desc, eq } from 'drizzle-orm';
import { signedDocuments } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { forbidden, notFound } from '../errors.ts';
import { canManageActions } from './action-access.ts';
import type { ActionActor } from './action-transitions.ts';
import { followUpFileName } from './issue-follow-up-report.ts';

export type GetFollowUpReportOptions = { auditId: string; actor: ActionActor; /** A particular issue; the latest when omitted. */ documentId?: string };

/** A follow-up report already issued for the audit, the bytes exactly as signed. */
export async function getFollowUpReport(db: Db, o: GetFollowUpReportOptions): Promise<{ id: string; bytes: Buffer; sha256: string; fileName: string }> {
  if (!canManageActions(o.actor)) throw forbidden();
  const [row] = await db
    .select({ id: signedDocuments.id, bytes: signedDocuments.bytes, sha256: signedDocuments.sha256, signedAt: signedDocuments.signedAt })
    .from(signedDocuments)
    .where(and(eq(signedDocuments.kind, 'follow_up_report'), eq(signedDocuments.subjectId, o.auditId), o.documentId ? eq(signedDocuments.id, o.documentId) : undefined))
    .orderBy(desc(signedDocuments.signedAt), desc(signedDocuments.id))
    .limit(1);
  if (!row) throw notFound('No follow-up report has been issued for this audit').as('error.noFollowUp');
  return { id: row.id, bytes: row.bytes, sha256: row.sha256, fileName: followUpFileName(o.auditId, row.signedAt) };
}
