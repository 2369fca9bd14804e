// The follow-up report: a new signed document each time, verifiable, showing the state on the day.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audits, signedDocuments } from '../../../db/schema.ts';
import { startAudit } from '../../../src/lib/audit/start-audit.ts';
import { issueFollowUpReport } from '../../../src/lib/audit/issue-follow-up-report.ts';
import { getFollowUpReport } from '../../../src/lib/audit/get-follow-up-report.ts';
import { updateAction } from '../../../src/lib/audit/update-action.ts';
import { verifyDocument } from '../../../src/lib/audit/verify-document.ts';
import { AppError } from '../../../src/lib/errors.ts';
import { ORGANISATION, openActionsDb, signedAuditWithActions, type Person } from './support.ts';

let t: Awaited<ReturnType<typeof openActionsDb>>;
let auditor: Person;
let owner: Person;

beforeAll(async () => {
  t = await openActionsDb();
  [auditor, owner] = [await t.person('auditor', 'Audrey Auditor'), await t.person('employee', 'Olivia Owner')];
});
afterAll(() => t?.close());

const signing = () => ({ dataDir: t.dataDir, organisation: ORGANISATION });
function textOf(bytes: Buffer, name: string): string {
  const file = path.join(t.dataDir, name);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('the follow-up report', () => {
  it('lists every action with its history and state on the day, is signed and verifiable, and leaves the audit report alone', async () => {
    const audit = await signedAuditWithActions(t.db, t.dataDir, auditor, { failures: 3 });
    const [before] = await t.db.select().from(audits).where(eq(audits.id, audit.auditId));
    const [a, b] = audit.actions;
    await updateAction(t.db, { actionId: a!.id, actor: auditor, owner: owner.id });
    await updateAction(t.db, { actionId: a!.id, actor: owner, status: 'in_progress' });
    await updateAction(t.db, { actionId: a!.id, actor: owner, status: 'resolved', comment: 'Evacuation map reprinted' });
    await updateAction(t.db, { actionId: a!.id, actor: auditor, status: 'verified' });
    await updateAction(t.db, { actionId: b!.id, actor: auditor, status: 'in_progress' });

    const first = await issueFollowUpReport(t.db, { auditId: audit.auditId, actor: auditor, signing: signing() });
    const text = textOf(first.bytes, 'first.pdf');
    if (process.env.KEEP_PDF) fs.copyFileSync(path.join(t.dataDir, 'first.pdf'), process.env.KEEP_PDF);
    expect(text).toContain('Follow-up report');
    expect(text).toContain('Not closed');
    expect(text).toContain('Evacuation map reprinted');
    expect(text).toContain('Olivia Owner');
    for (const action of audit.actions) expect(text).toContain(action.itemId!);
    expect(text).toContain(first.verificationCode);

    const verified = await verifyDocument(t.db, first.bytes);
    expect(verified).toMatchObject({ valid: true, kind: 'follow_up_report', id: audit.auditId, signer: 'Audrey Auditor' });
    expect(execFileSync('pdfsig', [path.join(t.dataDir, 'first.pdf')], { encoding: 'utf8' })).toContain('Signature Validation: Signature is Valid.');

    // later: the rest verified; a second report is a new document, the first one still verifies unchanged
    for (const action of audit.actions.slice(1)) {
      if (action.id !== b!.id) await updateAction(t.db, { actionId: action.id, actor: auditor, status: 'in_progress' });
      await updateAction(t.db, { actionId: action.id, actor: auditor, status: 'resolved', comment: 'done' });
      await updateAction(t.db, { actionId: action.id, actor: auditor, status: 'verified' });
    }
    const second = await issueFollowUpReport(t.db, { auditId: audit.auditId, actor: auditor, signing: signing() });
    expect(second.id).not.toBe(first.id);
    expect(textOf(second.bytes, 'second.pdf')).toContain('Closed: every corrective action is verified');
    expect((await verifyDocument(t.db, first.bytes)).valid).toBe(true);
    expect((await getFollowUpReport(t.db, { auditId: audit.auditId, actor: auditor })).id).toBe(second.id);
    expect((await getFollowUpReport(t.db, { auditId: audit.auditId, actor: auditor, documentId: first.id })).bytes.equals(first.bytes)).toBe(true);
    const docs = await t.db.select().from(signedDocuments).where(eq(signedDocuments.subjectId, audit.auditId));
    expect(docs.map((d) => d.kind).sort()).toEqual(['audit_report', 'follow_up_report', 'follow_up_report']);
    const [after] = await t.db.select().from(audits).where(eq(audits.id, audit.auditId));
    expect(after!.reportId).toBe(before!.reportId);
  });

  it('renders a Chinese audit in Chinese', async () => {
    const audit = await signedAuditWithActions(t.db, t.dataDir, auditor, { failures: 1, locale: 'zh-cn' });
    const doc = await issueFollowUpReport(t.db, { auditId: audit.auditId, actor: auditor, signing: signing() });
    expect(textOf(doc.bytes, 'zh.pdf')).toContain('跟进报告');
  });

  it('is refused to an employee and for a draft audit', async () => {
    const audit = await signedAuditWithActions(t.db, t.dataDir, auditor, { failures: 1 });
    const err = await issueFollowUpReport(t.db, { auditId: audit.auditId, actor: owner, signing: signing() }).catch((e: unknown) => e);
    expect((err as AppError).status).toBe(403);
    const draft = await startAudit(t.db, { checklist: 'emergency-drill', title: 'Draft', locale: 'en', actor: auditor });
    const refused = await issueFollowUpReport(t.db, { auditId: draft.id, actor: auditor, signing: signing() }).catch((e: unknown) => e);
    expect((refused as AppError).status).toBe(409);
  });
});
