import { and, eq } from 'drizzle-orm';
import { actionEvents, audits, correctiveActions, evidence, signedDocuments, users } from '../../../db/schema.ts';
import { t } from '../../i18n/index.ts';
import { verifyPassword } from '../auth/password.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { conflict, unauthorized, unprocessable } from '../errors.ts';
import { newId, newReadableCode, sha256Hex } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { currentLogHead } from '../log/current-log-head.ts';
import { enqueueMail } from '../notify/enqueue-mail.ts';
import { auditSignedNotification } from '../notify/event-mails.ts';
import { renderAuditReport } from '../reports/render-audit-report.ts';
import { loadSigningIdentity } from '../reports/signing-identity.ts';
import { closeReAuditLoop, itemsTrackedByFirstAudit } from '../programme/close-re-audit-loop.ts';
import { freezeTrainingEvidence, liveTrainingEvidence } from '../programme/training-evidence.ts';
import { actionTitle, defaultDueAt } from './action-defaults.ts';
import { assertAllowed, canSignAudit, type Actor } from './audit-access.ts';
import { assertEditable } from './audit-state.ts';
import { buildReportInput } from './build-report-input.ts';
import { findingsOf } from './findings.ts';
import { answersOf, checklistOf, findAudit } from './load-audit.ts';
import { scoreAudit, type Verdict } from './scoring.ts';
import { parseSignatureDataUrl } from './signature-image.ts';
import { signReadiness } from './sign-readiness.ts';

export const MAX_STATEMENT_LENGTH = 2000;

export type SignAuditOptions = {
  auditId: string;
  actor: Actor;
  /** The auditor's password, entered again: signing is a deliberate act by that person. */
  password: string;
  /** Replaces the standard statement (in the audit's language) when given. */
  statement?: string;
  /** A drawn signature as a PNG data URL. */
  signature?: string;
  dataDir: string;
  organisation: string;
  signingP12?: string;
  signingPassphrase?: string;
  now?: () => number;
};

export type SignAuditResult = { auditId: string; reportId: string; sha256: string; verificationCode: string; signedAt: number; score: number | null; verdict: Verdict; actions: number };

/** Signs a complete draft: locks it, renders and signs its report once, and raises its corrective actions, all in one transaction. */
export async function signAudit(db: Db, o: SignAuditOptions): Promise<SignAuditResult> {
  const audit = await findAudit(db, o.auditId);
  assertAllowed(canSignAudit(o.actor, audit), 'Only the auditor of this audit may sign it');
  assertEditable(audit);
  const [signer] = await db.select({ passwordHash: users.passwordHash, name: users.name }).from(users).where(eq(users.id, o.actor.id));
  if (!(await verifyPassword(signer?.passwordHash ?? null, o.password))) throw unauthorized('The password is not correct').as('error.wrongSigningPassword');
  if (o.statement !== undefined && o.statement.length > MAX_STATEMENT_LENGTH) throw unprocessable(`The statement is at most ${MAX_STATEMENT_LENGTH} characters`).as('error.statementTooLong', { max: MAX_STATEMENT_LENGTH });
  const signatureImage = o.signature ? parseSignatureDataUrl(o.signature) : undefined;
  const checklist = checklistOf(audit);
  const statement = o.statement?.trim() || t(checklist.locale, 'audit.sign.statementText');
  assertReady(checklist, await answersOf(db, o.auditId));
  const identity = await loadSigningIdentity({ dataDir: o.dataDir, organisation: o.organisation, p12Path: o.signingP12, passphrase: o.signingPassphrase });
  // the dashboard's training figures at this moment, frozen into the audit (programme: training evidence)
  const training = await liveTrainingEvidence(db, { actor: o.actor, checklist, now: o.now?.() ?? Date.now(), locale: checklist.locale });

  return writeTransaction(db, async (tx) => {
    const signedAt = o.now?.() ?? Date.now();
    // Claiming the draft is one conditional update: of any number of concurrent signings exactly one gets the row.
    const claimed = await tx
      .update(audits)
      .set({ status: 'signed', signedAt, statement, signatureImage: signatureImage ?? null })
      .where(and(eq(audits.id, o.auditId), eq(audits.status, 'draft')))
      .returning({ id: audits.id });
    if (claimed.length === 0) throw conflict('This audit is already signed').as('error.alreadySigned');

    // What is signed is what is stored now, read inside the transaction.
    const answers = await answersOf(tx, o.auditId);
    assertReady(checklist, answers);
    const score = scoreAudit(checklist, Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.result])));
    // a re-audit raises no second action for an item whose first action is still open: that one tracks it
    const tracked = await itemsTrackedByFirstAudit(tx, audit);
    const actions = findingsOf(checklist, answers).filter((f) => !tracked.has(f.itemId)).map((f) => ({
      id: newId(),
      auditId: o.auditId,
      itemId: f.itemId,
      title: actionTitle(f.itemId, f.itemText),
      detail: f.note,
      severity: f.severity,
      status: 'open' as const,
      dueAt: defaultDueAt(f.severity, signedAt),
      createdBy: o.actor.id,
      createdAt: signedAt,
      updatedAt: signedAt,
    }));
    const files = await tx.select().from(evidence).where(eq(evidence.auditId, o.auditId));
    const verificationCode = newReadableCode();
    const logHead = await currentLogHead(tx); // the anchor: this signing's own log entry follows it
    const pdf = await renderAuditReport(
      { ...buildReportInput({ audit, checklist, answers, evidence: files, actions, score, auditorName: signer!.name, organisation: o.organisation, statement, signedAt, signatureImagePng: signatureImage, verificationCode, training }), logHead },
      identity,
    );
    const sha256 = sha256Hex(pdf);
    const reportId = newId();
    await tx.insert(signedDocuments).values({ id: reportId, kind: 'audit_report', subjectId: o.auditId, sha256, verificationCode, signerName: signer!.name, signedAt, bytes: pdf, logSeq: logHead.seq, logHash: logHead.hash });
    await tx.update(audits).set({ score: score.score, reportId }).where(eq(audits.id, o.auditId));
    if (actions.length > 0) {
      await tx.insert(correctiveActions).values(actions);
      await tx.insert(actionEvents).values(actions.map((a) => ({ actionId: a.id, actorId: o.actor.id, at: signedAt, kind: 'created' as const, toValue: 'open', comment: a.detail || null })));
    }
    await enqueueMail(tx, { ...auditSignedNotification({ id: o.auditId, title: audit.title, auditorId: audit.auditorId }, verificationCode), now: signedAt });
    if (training) await freezeTrainingEvidence(tx, o.auditId, training);
    await closeReAuditLoop(tx, { audit, answers, actorId: o.actor.id, at: signedAt });
    await appendLog(tx, {
      actorId: o.actor.id,
      action: 'audit.sign',
      subjectType: 'audit',
      subjectId: o.auditId,
      details: { reportId, sha256, verificationCode, score: score.score, verdict: score.verdict, actions: actions.map((a) => a.id), drawnSignature: Boolean(signatureImage) },
      at: signedAt,
    });
    return { auditId: o.auditId, reportId, sha256, verificationCode, signedAt, score: score.score, verdict: score.verdict, actions: actions.length };
  });
}

function assertReady(checklist: Parameters<typeof signReadiness>[0], answers: Parameters<typeof signReadiness>[1]): void {
  const readiness = signReadiness(checklist, answers);
  if (!readiness.ready) {
    throw unprocessable('Every item needs a result, and failed or partial items that require evidence need a note', { unanswered: readiness.unanswered, missingNotes: readiness.missingNotes }).as('error.notReadyToSign');
  }
}
