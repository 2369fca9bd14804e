// Re-audits (scope, links, closing the loop) and training evidence frozen at signing, against a real libSQL file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionEvents, assignments, audits, correctiveActions, signedDocuments } from '../../../db/schema.ts';
import { getAudit } from '../../../src/lib/audit/get-audit.ts';
import { issueFollowUpReport } from '../../../src/lib/audit/issue-follow-up-report.ts';
import { recordResponse } from '../../../src/lib/audit/record-response.ts';
import { signAudit } from '../../../src/lib/audit/sign-audit.ts';
import { startAudit } from '../../../src/lib/audit/start-audit.ts';
import { getChecklist } from '../../../src/lib/content/catalog.ts';
import { startReAudit } from '../../../src/lib/programme/start-re-audit.ts';
import { withTrainingFigures } from '../../../src/lib/programme/get-audit-programme.ts';
import { t as translate } from '../../../src/i18n/index.ts';
import { frozenTrainingEvidence, liveTrainingEvidence } from '../../../src/lib/programme/training-evidence.ts';
import { openTestDb, type TestDb } from '../audit/support.ts';
import { addAssignment, addAttempt, addDepartment, addPerson, DAY } from '../hr/fixtures.ts';

let t: TestDb;
let auditor: Awaited<ReturnType<TestDb['person']>>;
let employee: Awaited<ReturnType<TestDb['person']>>;
const signing = () => ({ dataDir: t.dataDir, organisation: 'Test Org' });

beforeAll(async () => {
  t = await openTestDb();
  [auditor, employee] = [await t.person('auditor'), await t.person('employee')];
});
afterAll(() => t?.close());

async function fillAndSign(auditId: string, result: (itemId: string, i: number) => 'pass' | 'partial' | 'fail' | 'na'): Promise<void> {
  const detail = await getAudit(t.db, { auditId, actor: auditor });
  const items = detail.checklist.sections.flatMap((s) => s.items);
  for (const [i, item] of items.entries()) {
    const r = result(item.id, i);
    await recordResponse(t.db, { auditId, itemId: item.id, result: r, note: r === 'pass' || r === 'na' ? '' : `Seen on ${item.id}`, actor: auditor });
  }
  await signAudit(t.db, { auditId, actor: auditor, password: auditor.password, ...signing() });
}

describe('re-audits', () => {
  const checklist = getChecklist('records-destruction', 'en')!;
  const all = checklist.sections.flatMap((s) => s.items.map((i) => i.id));
  const [failed, partial, alsoFailed] = [all[0]!, all[1]!, all[2]!];
  let firstId: string;

  beforeAll(async () => {
    firstId = (await startAudit(t.db, { checklist: checklist.slug, title: 'Destruction Q1', site: 'Basement', locale: 'en', actor: auditor })).id;
    await fillAndSign(firstId, (id) => (id === failed || id === alsoFailed ? 'fail' : id === partial ? 'partial' : 'pass'));
  });

  it('refuses a draft, an employee, and an audit without findings', async () => {
    const draft = await startAudit(t.db, { checklist: checklist.slug, title: 'Draft', locale: 'en', actor: auditor });
    await expect(startReAudit(t.db, { auditId: draft.id, actor: auditor })).rejects.toMatchObject({ status: 409 });
    await expect(startReAudit(t.db, { auditId: firstId, actor: employee })).rejects.toMatchObject({ status: 403 });
    const clean = await startAudit(t.db, { checklist: checklist.slug, title: 'Clean', locale: 'en', actor: auditor });
    await fillAndSign(clean.id, () => 'pass');
    await expect(startReAudit(t.db, { auditId: clean.id, actor: auditor })).rejects.toMatchObject({ status: 422 });
  });

  it('holds only the failed and partial items, linked to the first audit; one open at a time', async () => {
    const { id, items } = await startReAudit(t.db, { auditId: firstId, actor: auditor });
    expect(items.sort()).toEqual([failed, partial, alsoFailed].sort());
    const detail = await getAudit(t.db, { auditId: id, actor: auditor });
    expect(detail.checklist.sections.flatMap((s) => s.items.map((i) => i.id)).sort()).toEqual([failed, partial, alsoFailed].sort());
    const [row] = await t.db.select().from(audits).where(eq(audits.id, id));
    expect(row).toMatchObject({ followsAuditId: firstId, status: 'draft', site: 'Basement' });
    await expect(startReAudit(t.db, { auditId: firstId, actor: auditor })).rejects.toMatchObject({ status: 409 });
    // an item outside the scope cannot be answered
    await expect(recordResponse(t.db, { auditId: id, itemId: all[5]!, result: 'pass', actor: auditor })).rejects.toMatchObject({ status: 404 });

    // signing: two items now pass, one still fails
    await fillAndSign(id, (itemId) => (itemId === alsoFailed ? 'fail' : 'pass'));
    const actions = await t.db.select().from(correctiveActions).where(eq(correctiveActions.auditId, firstId));
    const status = Object.fromEntries(actions.map((a) => [a.itemId, a.status]));
    expect(status).toEqual({ [failed]: 'verified', [partial]: 'verified', [alsoFailed]: 'open' });
    const events = await t.db.select().from(actionEvents).where(inArray(actionEvents.actionId, actions.map((a) => a.id)));
    const verifiedBy = events.filter((e) => e.toValue === 'verified');
    expect(verifiedBy).toHaveLength(2);
    for (const e of verifiedBy) expect(e.comment).toContain(id);
    expect(events.some((e) => e.kind === 'comment' && e.comment?.includes('fail again'))).toBe(true);
    // the item still failing stays with the first audit's action: the re-audit raises no duplicate
    expect(await t.db.select().from(correctiveActions).where(eq(correctiveActions.auditId, id))).toEqual([]);

    // the first audit's follow-up report lists both as verified and the third open, so not closed yet
    const report = await issueFollowUpReport(t.db, { auditId: firstId, actor: auditor, signing: signing() });
    expect(report.bytes.length).toBeGreaterThan(1000);
    // a second re-audit of the remaining item closes the loop
    const second = await startReAudit(t.db, { auditId: firstId, actor: auditor });
    expect(second.items.sort()).toEqual([failed, partial, alsoFailed].sort());
    await fillAndSign(second.id, () => 'pass');
    const after = await t.db.select({ status: correctiveActions.status }).from(correctiveActions).where(eq(correctiveActions.auditId, firstId));
    expect(after.map((a) => a.status)).toEqual(['verified', 'verified', 'verified']);
  });
});

describe('training evidence frozen at signing', () => {
  it('shows live figures on a client-data-handling draft and keeps the figures of the signing moment', async () => {
    const now = Date.now();
    const tax = await addDepartment(t.db, 'Tax');
    const people = await Promise.all([1, 2, 3, 4].map((i) => addPerson(t.db, { name: `P${i}`, departmentId: tax })));
    // 4 assigned confidentiality: one completed, one overdue (due yesterday), two due next month
    await addAssignment(t.db, people[0]!, 'confidentiality', now + 30 * DAY);
    await addAssignment(t.db, people[1]!, 'confidentiality', now - DAY);
    await addAssignment(t.db, people[2]!, 'confidentiality', now + 30 * DAY);
    await addAssignment(t.db, people[3]!, 'confidentiality', now + 30 * DAY);
    await addAttempt(t.db, { userId: people[0]!, course: 'confidentiality', number: 1, at: now - DAY, completion: { expiresAt: now + 300 * DAY } });

    const { id } = await startAudit(t.db, { checklist: 'client-data-handling', title: 'Client data', locale: 'en', actor: auditor });
    const checklist = getChecklist('client-data-handling', 'en')!;
    const live = await liveTrainingEvidence(t.db, { actor: auditor, checklist, now, locale: 'en' });
    expect(live!.items).toEqual(['s02-05', 's09-01', 's09-02', 's09-03', 's09-04', 's09-05', 's09-06']);
    const taxRow = live!.departments.find((d) => d.name === 'Tax')!;
    expect(taxRow.cells.confidentiality).toEqual({ total: 4, completed: 1, overdue: 1 });
    expect(await liveTrainingEvidence(t.db, { actor: auditor, checklist: getChecklist('records-destruction', 'en')!, now, locale: 'en' })).toBeNull();
    await expect(liveTrainingEvidence(t.db, { actor: employee, checklist, now, locale: 'en' })).rejects.toMatchObject({ status: 403 });
    // the checklist island gets a line of the figures on the training items, and only on them
    const marked = withTrainingFigures(checklist.sections, { training: { evidence: live!, frozen: false }, follows: null, followedActions: [], reAudits: [], canReAudit: false }, (k, p) => translate('en', k, p));
    const lines = Object.fromEntries(marked.flatMap((s) => s.items).filter((i) => 'training' in i).map((i) => [i.id, (i as { training: string }).training]));
    expect(Object.keys(lines).sort()).toEqual(['s02-05', 's09-01', 's09-02', 's09-03', 's09-04', 's09-05', 's09-06']);
    expect(lines['s09-03']).toContain('25% of 4 assigned courses done, 25% overdue');

    await fillAndSign(id, () => 'pass');
    const frozen = await frozenTrainingEvidence(t.db, id);
    expect(frozen!.departments.find((d) => d.name === 'Tax')!.cells.confidentiality).toEqual({ total: 4, completed: 1, overdue: 1 });

    // training moves on: two more complete; the live figures change, the frozen ones do not
    await addAttempt(t.db, { userId: people[1]!, course: 'confidentiality', number: 1, at: now, completion: { expiresAt: now + 300 * DAY } });
    await addAttempt(t.db, { userId: people[2]!, course: 'confidentiality', number: 1, at: now, completion: { expiresAt: now + 300 * DAY } });
    const later = await liveTrainingEvidence(t.db, { actor: auditor, checklist, now: Date.now(), locale: 'en' });
    expect(later!.departments.find((d) => d.name === 'Tax')!.cells.confidentiality).toEqual({ total: 4, completed: 3, overdue: 0 });
    expect((await frozenTrainingEvidence(t.db, id))!.departments.find((d) => d.name === 'Tax')!.cells.confidentiality).toEqual({ total: 4, completed: 1, overdue: 1 });
    expect(await t.db.select({ n: assignments.id }).from(assignments).then((r) => r.length)).toBeGreaterThanOrEqual(4);
    // and the signed report prints the frozen figures: Tax, confidentiality: 1 of 4 done (25%), 1 overdue (25%)
    const [doc] = await t.db.select({ bytes: signedDocuments.bytes }).from(signedDocuments).innerJoin(audits, eq(audits.reportId, signedDocuments.id)).where(eq(audits.id, id));
    const file = path.join(t.dataDir, 'report.pdf');
    fs.writeFileSync(file, doc!.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Training evidence');
    expect(text).toMatch(/Tax\s+25% · 25% overdue\s/);
    expect(text).toMatch(/All departments\s+25% · 25% overdue\s/);
  });
});
