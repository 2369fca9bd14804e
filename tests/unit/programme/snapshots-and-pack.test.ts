// Daily training snapshots, the trend SVG, and the evidence pack's figures checked against rows
// written by hand (expected values worked out here, not taken from the dashboard code).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { actionEvents, auditLog, audits, correctiveActions, signedDocuments, trainingSnapshots } from '../../../db/schema.ts';
import { verifyLog } from '../../../src/lib/log/verify-log.ts';
import { verifyDocument } from '../../../src/lib/audit/verify-document.ts';
import { newId } from '../../../src/lib/ids.ts';
import { collectEvidencePack } from '../../../src/lib/programme/collect-evidence-pack.ts';
import { issueEvidencePack } from '../../../src/lib/programme/issue-evidence-pack.ts';
import { takeTrainingSnapshot } from '../../../src/lib/programme/take-training-snapshot.ts';
import { renderTrendSvg } from '../../../src/lib/programme/trend-svg.ts';
import { completionTrends, sampleDays } from '../../../src/lib/programme/trends.ts';
import { cachedCompletionTrends, TREND_CACHE_MS } from '../../../src/lib/programme/completion-trends-cache.ts';
import { getHrDashboard } from '../../../src/lib/training/hr-dashboard.ts';
import { openTestDb, type TestDb } from '../audit/support.ts';
import { addAssignment, addAttempt, addDepartment, addPerson, DAY } from '../hr/fixtures.ts';

const at = (iso: string) => Date.parse(iso);
// the "present" of these tests; the period is March 2026
const NOW = at('2026-04-10T12:00:00Z');
let t: TestDb;
let hr: Awaited<ReturnType<TestDb['person']>>;
let auditor: Awaited<ReturnType<TestDb['person']>>;
let employee: Awaited<ReturnType<TestDb['person']>>;

beforeAll(async () => {
  t = await openTestDb();
  [hr, auditor, employee] = [await t.person('hr'), await t.person('auditor'), await t.person('employee')];
  const [tax, audit] = [await addDepartment(t.db, 'Tax'), await addDepartment(t.db, 'Audit')];
  // Tax: 3 people on confidentiality: done, overdue, due later. Audit: 2 people: done and done.
  const p = await Promise.all([
    addPerson(t.db, { name: 'Tax Done', departmentId: tax }),
    addPerson(t.db, { name: 'Tax Late', departmentId: tax, email: 'late@test.example' }),
    addPerson(t.db, { name: 'Tax Later', departmentId: tax }),
    addPerson(t.db, { name: 'Audit One', departmentId: audit }),
    addPerson(t.db, { name: 'Audit Two', departmentId: audit }),
  ]);
  await addAssignment(t.db, p[0]!, 'confidentiality', NOW + 30 * DAY);
  await addAssignment(t.db, p[1]!, 'confidentiality', at('2026-03-01T00:00:00Z'));
  await addAssignment(t.db, p[2]!, 'confidentiality', NOW + 30 * DAY);
  await addAssignment(t.db, p[3]!, 'confidentiality', NOW + 30 * DAY);
  await addAssignment(t.db, p[4]!, 'confidentiality', NOW + 30 * DAY);
  for (const [i, who] of [p[0]!, p[3]!, p[4]!].entries()) await addAttempt(t.db, { userId: who, course: 'confidentiality', number: 1, at: at('2026-02-01T00:00:00Z') + i, completion: { expiresAt: NOW + 300 * DAY } });

  // audits: one signed in the period (score 75), one before it, one after it
  const audit1 = await signedAudit('In March', at('2026-03-10T10:00:00Z'), 75, 'ABCD-EFGH-JKMN');
  await signedAudit('In February', at('2026-02-10T10:00:00Z'), 90, 'PQRS-TUVW-XYZ2');
  await signedAudit('In April', at('2026-04-02T10:00:00Z'), 60, 'ABCD-2345-6789');
  // actions of audit1: a critical opened 10 March still open; a high opened 10 March closed 20 March;
  // a critical opened 10 Feb (another audit) closed 5 April (after the period: open at its end)
  await action(audit1, 'critical', at('2026-03-10T10:00:00Z'), null, 'c-open');
  await action(audit1, 'high', at('2026-03-10T10:00:00Z'), at('2026-03-20T10:00:00Z'), 'h-closed');
  await action(audit1, 'critical', at('2026-02-10T10:00:00Z'), at('2026-04-05T10:00:00Z'), 'c-later');
});
afterAll(() => t?.close());

async function signedAudit(title: string, signedAt: number, score: number, code: string): Promise<string> {
  const id = newId();
  const reportId = newId();
  await t.db.insert(signedDocuments).values({ id: reportId, kind: 'audit_report', subjectId: id, sha256: newId(40), verificationCode: code, signerName: 'A', signedAt, bytes: Buffer.from('x') });
  await t.db.insert(audits).values({ id, checklistSlug: 'records-destruction', checklistVersion: 1, locale: 'en', title, site: 'Basement', auditorId: auditor.id, status: 'signed', createdAt: signedAt - DAY, signedAt, score, reportId });
  return id;
}
async function action(auditId: string, severity: 'high' | 'critical', createdAt: number, verifiedAt: number | null, itemId: string): Promise<void> {
  const id = newId();
  await t.db.insert(correctiveActions).values({ id, auditId, itemId, title: `Fix ${itemId}`, severity, status: verifiedAt && verifiedAt < NOW ? 'verified' : 'open', dueAt: createdAt + 30 * DAY, createdBy: auditor.id, createdAt, updatedAt: createdAt });
  if (verifiedAt) await t.db.insert(actionEvents).values({ actionId: id, actorId: auditor.id, at: verifiedAt, kind: 'status', fromValue: 'resolved', toValue: 'verified' });
}

describe('daily training snapshots', () => {
  it('stores the dashboard figures per department and course once a day, refreshed at most hourly', async () => {
    const day = at('2026-03-31T20:00:00Z');
    expect(await takeTrainingSnapshot(t.db, { now: day })).toBe(true);
    expect(await takeTrainingSnapshot(t.db, { now: day + 30 * 60_000 })).toBe(false);
    const rows = await t.db.select().from(trainingSnapshots);
    const all = rows.find((r) => r.day === '2026-03-31' && r.departmentKey === '*' && r.courseSlug === 'confidentiality')!;
    // 5 assigned; 3 done; Tax Late overdue since 1 March
    expect(all).toMatchObject({ total: 5, completed: 3, overdue: 1 });
    expect(await takeTrainingSnapshot(t.db, { now: day + 61 * 60_000 })).toBe(true);
    expect((await t.db.select().from(trainingSnapshots)).filter((r) => r.day === '2026-03-31' && r.departmentKey === '*' && r.courseSlug === '*')).toHaveLength(1);
    await takeTrainingSnapshot(t.db, { now: at('2026-03-15T12:00:00Z') });
    const trend = await completionTrends(t.db, { locale: 'en', actor: hr, from: '2026-03-01', to: '2026-03-31' });
    const conf = trend.find((s) => s.course === 'confidentiality')!;
    expect(conf.points.map((p) => [p.day, p.completedPct, p.overduePct])).toEqual([
      ['2026-03-15', 60, 20],
      ['2026-03-31', 60, 20],
    ]);
    await expect(completionTrends(t.db, { locale: 'en', actor: employee, from: '2026-03-01', to: '2026-03-31' })).rejects.toMatchObject({ status: 403 });

    // the dashboard's copy is kept a minute, then read again (a new snapshot shows after at most that)
    const o = { locale: 'en' as const, actor: hr, from: '2026-03-01', to: '2026-03-31' };
    const first = await cachedCompletionTrends(t.db, { ...o, now: 1_000_000 });
    await takeTrainingSnapshot(t.db, { now: at('2026-03-20T12:00:00Z') });
    expect(await cachedCompletionTrends(t.db, { ...o, now: 1_000_000 + TREND_CACHE_MS - 1 })).toBe(first);
    const fresh = await cachedCompletionTrends(t.db, { ...o, now: 1_000_000 + TREND_CACHE_MS });
    expect(fresh.find((s) => s.course === 'confidentiality')!.points.map((p) => p.day)).toEqual(['2026-03-15', '2026-03-20', '2026-03-31']);
  });
});

describe('the trend picture', () => {
  it('shows a year as about weekly points, keeping the first and the last day', () => {
    const days = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * DAY).toISOString().slice(0, 10));
    const kept = sampleDays(days, 53);
    expect(kept).toHaveLength(53);
    expect([kept[0], kept.at(-1)]).toEqual(['2026-01-01', '2026-12-31']);
    expect(kept[1]).toBe('2026-01-08');
    expect(sampleDays(days.slice(0, 10), 53)).toEqual(days.slice(0, 10));
  });

  it('draws one line per series with escaped labels, points scaled to the box, and a title for assistive technology', () => {
    const svg = renderTrendSvg({ id: 'x', title: 'Scores <&>', description: 'd', xTick: (x) => String(x), series: [{ label: 'Site "A" & <B>', points: [{ x: 0, y: 0 }, { x: 10, y: 100 }] }, { label: 'B', points: [{ x: 5, y: 50 }] }], width: 640, height: 240 });
    expect(svg).toContain('<title id="x-t">Scores &lt;&amp;&gt;</title>');
    expect(svg).toContain('Site &quot;A&quot; &amp; &lt;B&gt;');
    expect(svg).not.toContain('<B>');
    expect(svg).not.toMatch(/<script/i);
    expect(svg.match(/<path d="M/g)).toHaveLength(1);
    // y = 0 sits on the bottom of the plot, y = 100 on its top (pad top 14)
    expect(svg).toMatch(/<path d="M44 \d+(\.\d)? L624 14"/);
    // with the default box, about a phone's width
    expect(renderTrendSvg({ id: 'y', title: 't', description: 'd', xTick: String, series: [{ label: 'a', points: [{ x: 0, y: 0 }, { x: 1, y: 100 }] }] })).toContain('viewBox="0 0 400 ');
  });
});

describe('the evidence pack', () => {
  it('refuses employees and bad periods', async () => {
    await expect(collectEvidencePack(t.db, { actor: employee, from: '2026-03-01', to: '2026-03-31', now: NOW, locale: 'en' })).rejects.toMatchObject({ status: 403 });
    await expect(collectEvidencePack(t.db, { actor: hr, from: '2026-03-31', to: '2026-03-01', now: NOW, locale: 'en' })).rejects.toMatchObject({ status: 422 });
    await expect(collectEvidencePack(t.db, { actor: hr, from: '2026-02-30', to: '2026-03-01', now: NOW, locale: 'en' })).rejects.toMatchObject({ status: 422 });
  });

  it('has the audits, actions and critical findings of the period, each with its age', async () => {
    const pack = await collectEvidencePack(t.db, { actor: hr, from: '2026-03-01', to: '2026-03-31', now: NOW, locale: 'en' });
    expect(pack.audits.map((a) => [a.title, a.score, a.verificationCode])).toEqual([['In March', 75, 'ABCD-EFGH-JKMN']]);
    expect(pack.actionsOpened.map((a) => [a.title, a.ageDays, a.closedAt !== null]).sort()).toEqual([
      ['Fix c-open', 21, false], // open at the period's end: 10 March 10:00 to 31 March 23:59
      ['Fix h-closed', 10, true],
    ]);
    expect(pack.actionsClosed.map((a) => [a.title, a.ageDays])).toEqual([['Fix h-closed', 10]]);
    expect(pack.openCritical.map((a) => a.title).sort()).toEqual(['Fix c-later', 'Fix c-open']);
  });

  it('takes the end date’s training figures from its snapshot, and today’s from the dashboard query itself', async () => {
    const past = await collectEvidencePack(t.db, { actor: hr, from: '2026-03-01', to: '2026-03-31', now: NOW, locale: 'en' });
    expect(past.trainingSource).toBe('snapshot');
    expect(past.training.totals.cells.confidentiality).toEqual({ total: 5, completed: 3, overdue: 1 });
    expect(past.training.departments.map((d) => [d.name, d.cells.confidentiality])).toEqual([
      ['Audit', { total: 2, completed: 2, overdue: 0 }],
      ['Tax', { total: 3, completed: 1, overdue: 1 }],
    ]);
    const today = await collectEvidencePack(t.db, { actor: hr, from: '2026-03-01', to: '2026-04-10', now: NOW, locale: 'en' });
    expect(today.trainingSource).toBe('live');
    const board = await getHrDashboard({ db: t.db, actor: hr, locale: 'en', filters: {}, now: NOW });
    expect(today.training.totals.total).toEqual({ total: board.totals.total.total, completed: board.totals.total.completed, overdue: board.totals.total.overdue });
    expect(today.overdue.total).toBe(board.overdue.total);
    expect(today.overdue.rows.map((r) => r.email)).toEqual(['late@test.example']);
  });

  it('is a signed PDF that /verify recognises and pdfsig accepts', async () => {
    const pack = await issueEvidencePack(t.db, { actor: hr, from: '2026-03-01', to: '2026-03-31', locale: 'zh-cn', now: NOW, signing: { dataDir: t.dataDir, organisation: 'Test Org' } });
    // anchored in the audit log like every signed document: its row names the entry before its own
    const [row] = await t.db.select().from(signedDocuments).where(eq(signedDocuments.id, pack.id));
    const [last] = await t.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(last).toMatchObject({ action: 'evidence_pack.issue', seq: row!.logSeq! + 1 });
    expect(JSON.parse(last!.details).documentId).toBe(pack.id);
    expect((await verifyLog(t.db)).problems).toEqual([]);
    const verified = await verifyDocument(t.db, pack.bytes);
    expect(verified).toMatchObject({ valid: true, kind: 'evidence_pack', verificationCode: pack.verificationCode });
    const file = path.join(t.dataDir, 'pack.pdf');
    fs.writeFileSync(file, pack.bytes);
    const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(out).toMatch(/Signature Validation: Signature is Valid/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('ABCD-EFGH-JKMN');
    expect(text).toContain('证据包');
    expect(text).toContain('late@test.example');
  });
});
