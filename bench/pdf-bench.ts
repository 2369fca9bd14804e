// In-process PDF figures: the signed 120-item audit report and a signed certificate, each produced
// and signed the way the app does it (lib renderers and the organisation signing identity), timed
// over several runs (median) with the process's peak memory while they ran.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReportInput } from '../src/lib/audit/build-report-input.ts';
import type { Answer, AuditRow } from '../src/lib/audit/load-audit.ts';
import { findingsOf } from '../src/lib/audit/findings.ts';
import { actionTitle, defaultDueAt } from '../src/lib/audit/action-defaults.ts';
import { scoreAudit, type ItemResult } from '../src/lib/audit/scoring.ts';
import { getChecklist } from '../src/lib/content/catalog.ts';
import { renderAuditReport } from '../src/lib/reports/render-audit-report.ts';
import { renderCertificate } from '../src/lib/reports/render-certificate.ts';
import { loadSigningIdentity } from '../src/lib/reports/signing-identity.ts';

export type PdfResult = { name: string; runs: number; medianMs: number; firstMs: number; bytes: number; peakRssMb: number; heapDeltaMb: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The 120-point client-data-handling checklist fully answered (mostly pass, some partial/fail with notes). */
function auditReportInput(locale: 'en' | 'zh-cn') {
  const checklist = getChecklist('client-data-handling', locale)!;
  const results: ItemResult[] = ['pass', 'pass', 'pass', 'pass', 'partial', 'pass', 'fail', 'pass', 'na', 'pass'];
  const answers: Record<string, Answer> = {};
  let n = 0;
  for (const s of checklist.sections) for (const i of s.items) {
    const result = results[n++ % results.length]!;
    answers[i.id] = { result, note: result === 'pass' ? '' : `Observed on site: ${i.text.slice(0, 60)} — to be fixed`, updatedAt: 0, updatedBy: 'x' };
  }
  const signedAt = Date.UTC(2026, 10, 20, 10, 0);
  const score = scoreAudit(checklist, Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.result])));
  const actions = findingsOf(checklist, answers).map((f) => ({ title: actionTitle(f.itemId, f.itemText), severity: f.severity, dueAt: defaultDueAt(f.severity, signedAt) }));
  const audit = { id: 'bench-audit', checklistSlug: checklist.slug, checklistVersion: checklist.version, locale, title: 'Head office, annual audit', site: 'Head office', createdAt: signedAt - 3_600_000 } as AuditRow;
  const items = checklist.sections.reduce((a, s) => a + s.items.length, 0);
  return { items, input: buildReportInput({ audit, checklist, answers, evidence: [], actions, score, auditorName: 'Bench Auditor', organisation: 'Example Advisory Ltd.', statement: 'I confirm these results.', signedAt, verificationCode: 'BENCH-CODE-0001' }) };
}

/** Times `make` `runs` times after one cold run; samples RSS every 5 ms meanwhile. */
async function timeIt(name: string, runs: number, make: () => Promise<Buffer>): Promise<PdfResult> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  let t = performance.now();
  let bytes = (await make()).byteLength;
  const firstMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    bytes = (await make()).byteLength;
    times.push(performance.now() - t);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  clearInterval(timer);
  const heapDeltaMb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024);
  return { name, runs, medianMs: Math.round(median(times)), firstMs: Math.round(firstMs), bytes, peakRssMb: Math.round(peak / 1024 / 1024), heapDeltaMb };
}

/** Produces and signs the 120-item report and a certificate; a throwaway signing identity in a temp dir. */
export async function benchPdfs(runs = 15): Promise<{ items: number; results: PdfResult[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-bench-pdf-'));
  try {
    const identity = await loadSigningIdentity({ dataDir: dir, organisation: 'Example Advisory Ltd.' });
    const { items, input } = auditReportInput('zh-cn');
    const report = await timeIt(`Signed audit report (${items} items, zh-cn)`, runs, () => renderAuditReport(input, identity));
    const certificate = await timeIt('Signed certificate', runs, () =>
      renderCertificate(
        { locale: 'en', certificateNumber: '2026-ABC', holderName: '王 1', courseTitle: 'Confidentiality', courseVersion: 1, completedAt: new Date(), expiresAt: new Date(Date.now() + 3e10), score: 90, organisation: 'Example Advisory Ltd.', verificationCode: 'BENCH-CERT-0001' },
        identity,
      ),
    );
    return { items, results: [report, certificate] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// run on its own (bench/run.ts does, so the peak memory is the PDF work's alone): prints the figures as JSON
if (import.meta.main) console.log(JSON.stringify(await benchPdfs(Number(process.env.RUNS) || 15)));
