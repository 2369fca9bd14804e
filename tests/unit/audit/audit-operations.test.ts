import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionEvents, auditLog, audits, correctiveActions, signedDocuments } from '../../../db/schema.ts';
import { DUE_DAYS_BY_SEVERITY } from '../../../src/lib/audit/action-defaults.ts';
import { getAudit } from '../../../src/lib/audit/get-audit.ts';
import { getEvidence } from '../../../src/lib/audit/get-evidence.ts';
import { getReport } from '../../../src/lib/audit/get-report.ts';
import { listAudits } from '../../../src/lib/audit/list-audits.ts';
import { answersOf } from '../../../src/lib/audit/load-audit.ts';
import { recordResponse } from '../../../src/lib/audit/record-response.ts';
import { scoreAudit } from '../../../src/lib/audit/scoring.ts';
import { signAudit } from '../../../src/lib/audit/sign-audit.ts';
import { startAudit } from '../../../src/lib/audit/start-audit.ts';
import { uploadEvidence } from '../../../src/lib/audit/upload-evidence.ts';
import { verifyDocument } from '../../../src/lib/audit/verify-document.ts';
import { getChecklist } from '../../../src/lib/content/catalog.ts';
import { sha256Hex } from '../../../src/lib/ids.ts';
import { openTestDb, type TestDb } from './support.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');
const checklist = getChecklist('records-destruction', 'en')!;
const items = checklist.sections.flatMap((s) => s.items);

let t: TestDb;
let auditor: Awaited<ReturnType<TestDb['person']>>;
let other: Awaited<ReturnType<TestDb['person']>>;
let admin: Awaited<ReturnType<TestDb['person']>>;
let employee: Awaited<ReturnType<TestDb['person']>>;

beforeAll(async () => {
  t = await openTestDb();
  [auditor, other, admin, employee] = [await t.person('auditor'), await t.person('auditor'), await t.person('admin'), await t.person('employee')];
});
afterAll(() => t?.close());

const signing = () => ({ dataDir: t.dataDir, organisation: 'Test Org Ltd.' });

/** A draft with every item answered: the first fails, the second is partial, the third n.a., the rest pass. */
async function completeDraft(): Promise<string> {
  const { id } = await startAudit(t.db, { checklist: checklist.slug, title: 'Witnessed destruction', site: 'Basement', locale: 'en', actor: auditor });
  await Promise.all(
    items.map((item, i) =>
      recordResponse(t.db, { auditId: id, itemId: item.id, result: i === 0 ? 'fail' : i === 1 ? 'partial' : i === 2 ? 'na' : 'pass', note: i < 2 ? `Finding on ${item.id}` : '', actor: auditor }),
    ),
  );
  return id;
}

describe('recording responses', () => {
  it('keeps both of two edits to different items made at the same time, and the last of two to the same item', async () => {
    const { id } = await startAudit(t.db, { checklist: checklist.slug, title: 'Concurrent', locale: 'en', actor: auditor });
    await Promise.all([
      recordResponse(t.db, { auditId: id, itemId: items[0]!.id, result: 'pass', actor: auditor }),
      recordResponse(t.db, { auditId: id, itemId: items[1]!.id, result: 'fail', note: 'broken', actor: admin }),
    ]);
    await recordResponse(t.db, { auditId: id, itemId: items[0]!.id, result: 'partial', actor: auditor });
    const answers = await answersOf(t.db, id);
    expect(Object.keys(answers).sort()).toEqual([items[0]!.id, items[1]!.id].sort());
    expect(answers[items[0]!.id]!.result).toBe('partial');
    expect(answers[items[1]!.id]).toMatchObject({ result: 'fail', note: 'broken', updatedBy: admin.id });
  });

  it('keeps the note when a later change sends only the result', async () => {
    const { id } = await startAudit(t.db, { checklist: checklist.slug, title: 'Notes', locale: 'en', actor: auditor });
    await recordResponse(t.db, { auditId: id, itemId: items[0]!.id, result: 'fail', note: 'Shredder broken', actor: auditor });
    await recordResponse(t.db, { auditId: id, itemId: items[0]!.id, result: 'partial', actor: auditor });
    expect((await answersOf(t.db, id))[items[0]!.id]).toMatchObject({ result: 'partial', note: 'Shredder broken' });
  });

  it('lets only its auditor or an admin write: another auditor gets 403, an unknown item 404', async () => {
    const { id } = await startAudit(t.db, { checklist: checklist.slug, title: 'Access', locale: 'en', actor: auditor });
    await expect(recordResponse(t.db, { auditId: id, itemId: items[0]!.id, result: 'pass', actor: other })).rejects.toMatchObject({ status: 403 });
    await expect(recordResponse(t.db, { auditId: id, itemId: items[0]!.id, result: 'pass', actor: employee })).rejects.toMatchObject({ status: 403 });
    await expect(recordResponse(t.db, { auditId: id, itemId: 'no-such-item', result: 'pass', actor: auditor })).rejects.toMatchObject({ status: 404 });
    await expect(startAudit(t.db, { checklist: checklist.slug, title: 'x', locale: 'en', actor: employee })).rejects.toMatchObject({ status: 403 });
    await expect(startAudit(t.db, { checklist: 'nope', title: 'x', locale: 'en', actor: auditor })).rejects.toMatchObject({ status: 422 });
  });
});

describe('evidence', () => {
  it('stores a photo under its SHA-256 in the data directory and serves it to auditors only', async () => {
    const { id } = await startAudit(t.db, { checklist: checklist.slug, title: 'Evidence', locale: 'en', actor: auditor });
    const stored = await uploadEvidence(t.db, { auditId: id, itemId: items[0]!.id, fileName: 'shredder.png', bytes: PNG, actor: auditor, dataDir: t.dataDir });
    expect(stored).toMatchObject({ mimeType: 'image/png', sha256: sha256Hex(PNG), size: PNG.length });
    const onDisk = path.join(t.dataDir, 'evidence', stored.sha256.slice(0, 2), stored.sha256);
    expect(fs.readFileSync(onDisk).equals(PNG)).toBe(true);
    expect((await getEvidence(t.db, { evidenceId: stored.id, actor: other, dataDir: t.dataDir })).bytes.equals(PNG)).toBe(true);
    await expect(getEvidence(t.db, { evidenceId: stored.id, actor: employee, dataDir: t.dataDir })).rejects.toMatchObject({ status: 403 });
  });

  it('refuses a text file named .png (415) and a file over 10 MB (413), storing nothing', async () => {
    const { id } = await startAudit(t.db, { checklist: checklist.slug, title: 'Bad evidence', locale: 'en', actor: auditor });
    const base = { auditId: id, itemId: items[0]!.id, actor: auditor, dataDir: t.dataDir };
    await expect(uploadEvidence(t.db, { ...base, fileName: 'photo.png', bytes: Buffer.from('just some text pretending') })).rejects.toMatchObject({ status: 415 });
    const huge = Buffer.alloc(10 * 1024 * 1024 + 1);
    PNG.copy(huge);
    await expect(uploadEvidence(t.db, { ...base, fileName: 'big.png', bytes: huge })).rejects.toMatchObject({ status: 413 });
    expect((await getAudit(t.db, { auditId: id, actor: auditor })).evidence).toEqual([]);
  });
});

describe('signing an audit', () => {
  it('refuses a wrong password with 401 and an incomplete audit with 422 naming the items, leaving it a draft', async () => {
    const { id } = await startAudit(t.db, { checklist: checklist.slug, title: 'Incomplete', locale: 'en', actor: auditor });
    await recordResponse(t.db, { auditId: id, itemId: items[0]!.id, result: 'fail', actor: auditor });
    await expect(signAudit(t.db, { auditId: id, actor: auditor, password: 'wrong password!', ...signing() })).rejects.toMatchObject({ status: 401 });
    const refused = await signAudit(t.db, { auditId: id, actor: auditor, password: auditor.password, ...signing() }).catch((e) => e);
    expect(refused.status).toBe(422);
    expect(refused.details.unanswered).toEqual(items.slice(1).map((i) => i.id));
    expect(refused.details.missingNotes).toEqual(items[0]!.evidence === 'required' ? [items[0]!.id] : []);
    const [row] = await t.db.select().from(audits).where(eq(audits.id, id));
    expect(row!.status).toBe('draft');
  });

  it('lets only the audit’s own auditor sign (not another auditor, not an admin)', async () => {
    const id = await completeDraft();
    await expect(signAudit(t.db, { auditId: id, actor: other, password: other.password, ...signing() })).rejects.toMatchObject({ status: 403 });
    await expect(signAudit(t.db, { auditId: id, actor: admin, password: admin.password, ...signing() })).rejects.toMatchObject({ status: 403 });
  });

  it('of ten simultaneous signings exactly one succeeds, the rest get 409, and there is one report', async () => {
    const id = await completeDraft();
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => signAudit(t.db, { auditId: id, actor: auditor, password: auditor.password, ...signing() })));
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => r.reason.status)).toEqual(Array(9).fill(409));
    expect(await t.db.select({ id: signedDocuments.id }).from(signedDocuments).where(eq(signedDocuments.subjectId, id))).toHaveLength(1);
    expect(await t.db.select({ id: correctiveActions.id }).from(correctiveActions).where(eq(correctiveActions.auditId, id))).toHaveLength(2);
    const signs = await t.db.select().from(auditLog).where(eq(auditLog.action, 'audit.sign'));
    expect(signs.filter((e) => e.subjectId === id)).toHaveLength(1);
  });

  it('locks the audit, records the report, its SHA-256 and score, and raises one action per fail or partial item', async () => {
    const id = await completeDraft();
    const result = await signAudit(t.db, { auditId: id, actor: auditor, password: auditor.password, ...signing(), now: () => 1_750_000_000_000 });
    const report = await getReport(t.db, { auditId: id, actor: other });
    expect(sha256Hex(report.bytes)).toBe(result.sha256);
    expect((await getReport(t.db, { auditId: id, actor: admin })).bytes.equals(report.bytes)).toBe(true);
    const [row] = await t.db.select().from(audits).where(eq(audits.id, id));
    expect(row).toMatchObject({ status: 'signed', signedAt: 1_750_000_000_000, reportId: result.reportId });
    const expected = scoreAudit(checklist, Object.fromEntries(items.map((item, i) => [item.id, i === 0 ? 'fail' : i === 1 ? 'partial' : i === 2 ? 'na' : 'pass'] as const)));
    expect(row!.score).toBe(expected.score);
    expect(result.score).toBe(expected.score);

    const actions = await t.db.select().from(correctiveActions).where(eq(correctiveActions.auditId, id));
    expect(actions.map((a) => a.itemId).sort()).toEqual([items[0]!.id, items[1]!.id].sort());
    for (const action of actions) {
      const item = items.find((i) => i.id === action.itemId)!;
      expect(action).toMatchObject({ severity: item.severity, status: 'open', ownerId: null, createdBy: auditor.id, detail: `Finding on ${item.id}` });
      expect(action.dueAt).toBe(1_750_000_000_000 + DUE_DAYS_BY_SEVERITY[item.severity] * 86_400_000);
      const events = await t.db.select().from(actionEvents).where(eq(actionEvents.actionId, action.id));
      expect(events).toMatchObject([{ kind: 'created', actorId: auditor.id, toValue: 'open' }]);
    }

    await expect(recordResponse(t.db, { auditId: id, itemId: items[3]!.id, result: 'fail', note: 'late', actor: auditor })).rejects.toMatchObject({ status: 409 });
    await expect(uploadEvidence(t.db, { auditId: id, itemId: items[3]!.id, fileName: 'late.png', bytes: PNG, actor: auditor, dataDir: t.dataDir })).rejects.toMatchObject({ status: 409 });
    await expect(signAudit(t.db, { auditId: id, actor: auditor, password: auditor.password, ...signing() })).rejects.toMatchObject({ status: 409 });
    expect((await getReport(t.db, { auditId: id, actor: auditor })).bytes.equals(report.bytes)).toBe(true);
  });

  it('verifies its own report, and refuses a tampered copy, an unsigned file and a PDF it never issued', async () => {
    const id = await completeDraft();
    const result = await signAudit(t.db, { auditId: id, actor: auditor, password: auditor.password, ...signing() });
    const { bytes } = await getReport(t.db, { auditId: id, actor: auditor });
    expect(await verifyDocument(t.db, bytes)).toMatchObject({ valid: true, kind: 'audit_report', id, signer: auditor.name, verificationCode: result.verificationCode });
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf('/Title');
    tampered[at + 8] = tampered[at + 8]! ^ 0x01;
    expect(await verifyDocument(t.db, tampered)).toMatchObject({ valid: false, code: 'tampered' });
    expect(await verifyDocument(t.db, Buffer.from('%PDF-1.7\nnot signed at all'))).toMatchObject({ valid: false, code: 'unsigned' });
    expect(await verifyDocument(t.db, Buffer.from('hello'))).toMatchObject({ valid: false, code: 'not_pdf' });
    // a correctly signed PDF whose record is gone was not issued here (or not by this install)
    await t.db.update(signedDocuments).set({ sha256: 'x'.repeat(64) }).where(eq(signedDocuments.subjectId, id));
    expect(await verifyDocument(t.db, bytes)).toMatchObject({ valid: false, code: 'unknown' });
  });
});

describe('the audit list', () => {
  it('shows the same score as the scoring rules and counts open findings, in SQL', async () => {
    const { id } = await startAudit(t.db, { checklist: checklist.slug, title: 'Listed', locale: 'en', actor: auditor });
    await recordResponse(t.db, { auditId: id, itemId: items[0]!.id, result: 'pass', actor: auditor });
    await recordResponse(t.db, { auditId: id, itemId: items[1]!.id, result: 'partial', actor: auditor });
    await recordResponse(t.db, { auditId: id, itemId: items[2]!.id, result: 'na', actor: auditor });
    await recordResponse(t.db, { auditId: id, itemId: items[3]!.id, result: 'pass', actor: auditor });
    const row = (await listAudits(t.db, { actor: other })).find((a) => a.id === id)!;
    expect(row).toMatchObject({ status: 'draft', answered: 4, total: items.length, score: 83, openFindings: 1 });
    const signedId = await completeDraft();
    await signAudit(t.db, { auditId: signedId, actor: auditor, password: auditor.password, ...signing() });
    await t.db.update(correctiveActions).set({ status: 'verified' }).where(eq(correctiveActions.itemId, items[0]!.id));
    const signed = (await listAudits(t.db, { actor: admin, status: 'signed' })).find((a) => a.id === signedId)!;
    expect(signed.openFindings).toBe(1);
    await expect(listAudits(t.db, { actor: employee })).rejects.toMatchObject({ status: 403 });
  });
});
