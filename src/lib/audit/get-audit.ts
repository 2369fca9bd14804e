import { asc, eq } from 'drizzle-orm';
import { correctiveActions, evidence, signedDocuments, users } from '../../../db/schema.ts';
import type { ChecklistDoc } from '../content/load-content.ts';
import type { Db } from '../db/client.ts';
import { assertAllowed, canReadAudit, canSignAudit, canWriteAudit, type Actor } from './audit-access.ts';
import { isEditable, type AuditHeader } from './audit-state.ts';
import { listResponseHistory, type HistoryEntry } from './list-response-history.ts';
import { answersOf, checklistOf, findAudit, type Answer } from './load-audit.ts';
import { scoreAudit, type AuditScore } from './scoring.ts';
import type { EvidenceView } from './upload-evidence.ts';

export type AuditDetail = {
  audit: AuditHeader & { checklistVersion: number; statement: string | null; hasDrawnSignature: boolean };
  checklist: ChecklistDoc;
  responses: Record<string, Answer>;
  /** Every answer each item has had, oldest first. */
  history: Record<string, HistoryEntry[]>;
  evidence: EvidenceView[];
  score: AuditScore;
  report: { id: string; sha256: string; verificationCode: string; signerName: string } | null;
  actions: Array<{ id: string; itemId: string | null; title: string; severity: string; status: string; dueAt: number }>;
  /** What the asking user may do with it. */
  canEdit: boolean;
  canSign: boolean;
};

/** One audit with its checklist, every response, evidence, score and (once signed) report and actions. */
export async function getAudit(db: Db, o: { auditId: string; actor: Actor }): Promise<AuditDetail> {
  assertAllowed(canReadAudit(o.actor));
  const row = await findAudit(db, o.auditId);
  const checklist = checklistOf(row);
  const [responses, history, files, [auditor], [report], actions] = await Promise.all([
    answersOf(db, row.id),
    listResponseHistory(db, row.id),
    db.select().from(evidence).where(eq(evidence.auditId, row.id)).orderBy(asc(evidence.createdAt)),
    db.select({ name: users.name }).from(users).where(eq(users.id, row.auditorId)),
    row.reportId
      ? db.select({ id: signedDocuments.id, sha256: signedDocuments.sha256, verificationCode: signedDocuments.verificationCode, signerName: signedDocuments.signerName }).from(signedDocuments).where(eq(signedDocuments.id, row.reportId))
      : Promise.resolve([]),
    db
      .select({ id: correctiveActions.id, itemId: correctiveActions.itemId, title: correctiveActions.title, severity: correctiveActions.severity, status: correctiveActions.status, dueAt: correctiveActions.dueAt })
      .from(correctiveActions)
      .where(eq(correctiveActions.auditId, row.id))
      .orderBy(asc(correctiveActions.itemId)),
  ]);
  const editable = isEditable(row.status);
  return {
    audit: {
      id: row.id,
      title: row.title,
      site: row.site,
      checklistSlug: row.checklistSlug,
      checklistVersion: row.checklistVersion,
      locale: row.locale,
      status: row.status,
      auditorId: row.auditorId,
      auditorName: auditor?.name ?? '',
      createdAt: row.createdAt,
      signedAt: row.signedAt,
      statement: row.statement,
      hasDrawnSignature: row.signatureImage !== null,
    },
    checklist,
    responses,
    history,
    evidence: files.map((f) => ({ id: f.id, itemId: f.itemId, fileName: f.fileName, mimeType: f.mimeType, size: f.size, sha256: f.sha256, createdAt: f.createdAt })),
    score: scoreAudit(checklist, Object.fromEntries(Object.entries(responses).map(([id, a]) => [id, a.result]))),
    report: report ?? null,
    actions,
    canEdit: editable && canWriteAudit(o.actor, row),
    canSign: editable && canSignAudit(o.actor, row),
  };
}
