import { asc, eq, inArray } from 'drizzle-orm';
import { actionEvents, correctiveActions, signedDocuments, users } from '../../../db/schema.ts';
import { isLocale } from '../../i18n/index.ts';
import type { Db, Tx } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { conflict, forbidden } from '../errors.ts';
import { newId, newReadableCode, sha256Hex } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { currentLogHead } from '../log/current-log-head.ts';
import { loadSigningIdentity, type LoadSigningIdentityOptions } from '../reports/signing-identity.ts';
import { canManageActions } from './action-access.ts';
import { auditClosure, daysOverdue } from './action-overdue.ts';
import type { ActionActor } from './action-transitions.ts';
import { answersOf, checklistOf, findAudit, type AuditRow } from './load-audit.ts';
import { renderFollowUpReport, type FollowUpAction } from './render-follow-up-report.ts';

export type IssueFollowUpReportOptions = { auditId: string; actor: ActionActor; signing: LoadSigningIdentityOptions; now?: () => number };
export type IssuedFollowUp = { id: string; auditId: string; sha256: string; verificationCode: string; signedAt: number; bytes: Buffer; fileName: string };

/**
 * Makes a new signed follow-up report of a signed audit's corrective actions as they stand now
 * (auditors and admins). Each one is a new document, recorded like every signed PDF so /verify
 * knows it; the audit's own report is untouched.
 */
export async function issueFollowUpReport(db: Db, o: IssueFollowUpReportOptions): Promise<IssuedFollowUp> {
  if (!canManageActions(o.actor)) throw forbidden('Only auditors and admins issue follow-up reports').as('error.notAllowed');
  const identity = await loadSigningIdentity(o.signing);
  // Read and recorded in one transaction: the report shows exactly the state at the moment it is dated.
  return writeTransaction(db, async (tx) => {
    const audit = await findAudit(tx, o.auditId);
    if (audit.status !== 'signed') throw conflict('A follow-up report is made for a signed audit').as('error.followUpNeedsSigned');
    const issuedAt = o.now?.() ?? Date.now();
    const [issuer] = await tx.select({ name: users.name }).from(users).where(eq(users.id, o.actor.id));
    const actions = await followUpActions(tx, audit, issuedAt);
    const [report] = audit.reportId ? await tx.select({ code: signedDocuments.verificationCode }).from(signedDocuments).where(eq(signedDocuments.id, audit.reportId)) : [];
    const [auditor] = await tx.select({ name: users.name }).from(users).where(eq(users.id, audit.auditorId));
    const checklist = checklistOf(audit);
    const verificationCode = newReadableCode();
    const logHead = await currentLogHead(tx); // the anchor: this report's own log entry follows it
    const bytes = await renderFollowUpReport(
      {
        locale: isLocale(audit.locale) ? audit.locale : 'en',
        organisation: o.signing.organisation,
        audit: { id: audit.id, title: audit.title, site: audit.site, checklistTitle: checklist.title, checklistVersion: audit.checklistVersion, auditorName: auditor?.name ?? '', signedAt: new Date(audit.signedAt ?? issuedAt), reportCode: report?.code ?? null },
        issuedAt: new Date(issuedAt),
        issuedBy: issuer?.name ?? '',
        closed: auditClosure(audit.status, actions.map((a) => a.status)).closed,
        actions,
        verificationCode,
        logHead,
      },
      identity,
    );
    const id = newId();
    const sha256 = sha256Hex(bytes);
    await tx.insert(signedDocuments).values({ id, kind: 'follow_up_report', subjectId: audit.id, sha256, verificationCode, signerName: issuer?.name ?? '', signedAt: issuedAt, bytes, logSeq: logHead.seq, logHash: logHead.hash });
    await appendLog(tx, { actorId: o.actor.id, action: 'action.follow_up_report', subjectType: 'audit', subjectId: audit.id, details: { documentId: id, sha256, verificationCode, actions: actions.length }, at: issuedAt });
    return { id, auditId: audit.id, sha256, verificationCode, signedAt: issuedAt, bytes, fileName: followUpFileName(audit.id, issuedAt) };
  });
}

/** The download name: the audit and the day, e.g. follow-up-<audit>-2026-03-01.pdf. */
export function followUpFileName(auditId: string, at: number): string {
  return `follow-up-${auditId}-${new Date(at).toISOString().slice(0, 10)}.pdf`;
}

async function followUpActions(tx: Tx, audit: AuditRow, now: number): Promise<FollowUpAction[]> {
  const rows = await tx.select().from(correctiveActions).where(eq(correctiveActions.auditId, audit.id)).orderBy(asc(correctiveActions.createdAt), asc(correctiveActions.itemId), asc(correctiveActions.id));
  if (rows.length === 0) return [];
  const events = await tx.select().from(actionEvents).where(inArray(actionEvents.actionId, rows.map((r) => r.id))).orderBy(asc(actionEvents.id));
  const ids = new Set<string>(events.map((e) => e.actorId));
  for (const r of rows) if (r.ownerId) ids.add(r.ownerId);
  for (const e of events) if (e.kind === 'owner') for (const v of [e.fromValue, e.toValue]) if (v) ids.add(v);
  const names = new Map((await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids]))).map((u) => [u.id, u.name]));
  const name = (id: string | null) => (id ? (names.get(id) ?? id) : null);
  const items = new Map(checklistOf(audit).sections.flatMap((s) => s.items).map((i) => [i.id, i.text]));
  const answers = await answersOf(tx, audit.id);
  return rows.map((r) => ({
    ref: r.itemId ?? r.id,
    title: r.title,
    severity: r.severity,
    status: r.status,
    owner: name(r.ownerId),
    dueAt: new Date(r.dueAt),
    daysOverdue: daysOverdue(r, now),
    finding: r.itemId ? (items.get(r.itemId) ?? null) : null,
    note: r.itemId ? (answers[r.itemId]?.note ?? r.detail) : r.detail,
    events: events
      .filter((e) => e.actionId === r.id)
      .map((e) => ({
        at: new Date(e.at),
        actor: name(e.actorId) ?? '',
        kind: e.kind,
        from: e.kind === 'owner' ? name(e.fromValue) : e.fromValue,
        to: e.kind === 'owner' ? name(e.toValue) : e.toValue,
        comment: e.comment,
      })),
  }));
}
