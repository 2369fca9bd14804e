// Formats the benchmark's figures: a console table and bench/results.md (tables, targets, notes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatasetSummary } from './build-dataset.ts';
import type { ExportMemory } from './export-memory.ts';
import type { JsBytes } from './js-bytes.ts';
import type { TargetResult } from './load.ts';
import type { LogVerifyResult } from './log-verify.ts';
import type { NotifyBench } from './notify-bench.ts';
import type { PdfResult } from './pdf-bench.ts';

/** The dashboard and export figures on one organisation. */
export type Scale = { employees: number; rows: number; coldMs: number; dashboard: TargetResult; export: TargetResult; exportInProcess: ExportMemory };

/** The signed evidence pack of the last year (HTTP, one request at a time). */
export type EvidencePackFigures = { firstMs: number; medianMs: number; bytes: number; runs: number };

export type BenchReport = {
  dataset: DatasetSummary & { dbMb: number };
  idleRssMb: number;
  loads: TargetResult[];
  scale: [Scale, Scale];
  pdf: PdfResult[];
  pack?: EvidencePackFigures;
  js: JsBytes[];
  logVerify: LogVerifyResult;
  /** `notify run` (decide + compose) on the small and the large organisation */
  notify: [NotifyBench, NotifyBench];
  elapsedS: number;
};

/** Whether `notify run` met its target: the large organisation in under 10 s, the live heap flat. */
export function notifyVerdict(n: [NotifyBench, NotifyBench]): { met: boolean; text: string } {
  const [s, l] = n;
  const met = l.totalMs < 10_000 && l.peakLiveHeapGrowthKb < 4096 && l.secondPassQueued === 0;
  return { met, text: `${n0(l.totalMs)} ms for ${n0(l.assignments)} assignments; most live heap ${s.peakLiveHeapGrowthKb} and ${l.peakLiveHeapGrowthKb} KB above the start at the two sizes; a second pass queued ${l.secondPassQueued}` };
}

/** The reminders section of bench/results.md. */
export function notifySection(n: [NotifyBench, NotifyBench]): string {
  const line = (label: string, f: (x: NotifyBench) => string | number) => row([label, ...n.map(f)]);
  const v = notifyVerdict(n);
  return `## Reminders: \`notify run\` (decide and queue, no sending; own process)

${row(['', `${n0(n[0].assignments)} assignments`, `${n0(n[1].assignments)} assignments`])}
${row(['---', '---:', '---:'])}
${line('rows read (assignments that may need a reminder, managers\' reports, actions)', (x) => n0(x.scanned))}
${line('reminders decided / new notifications recorded', (x) => `${n0(x.decided)} / ${n0(x.queued)}`)}
${line('mails written to the outbox (one per person)', (x) => n0(x.mails))}
${line('decide ms / compose ms / total ms', (x) => `${n0(x.decideMs)} / ${n0(x.composeMs)} / ${n0(x.totalMs)}`)}
${line('second pass at the same time: ms, new notifications', (x) => `${n0(x.secondPassMs)}, ${x.secondPassQueued}`)}
${line('most live heap above the start, after GC between pages, KB', (x) => n0(x.peakLiveHeapGrowthKb))}

Both halves walk their tables in keyset pages (1,000 rows to decide, 200 people to compose), writing
each page in its own transaction. The heap is read in a second pass over a copy of the database, after
a forced garbage collection before every page (those collections are not in the times). Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC,
load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${os.cpus().length} cores. Target: under 10 s at 10,000 employees with memory flat: ${v.met ? '**met**' : '**not met**'} (${v.text}).
`;
}

/** Puts a fresh reminders section into an existing results file (BENCH_ONLY=notify), leaving the rest. */
export function updateNotifySection(file: string, n: [NotifyBench, NotifyBench]): void {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n';
  const section = notifySection(n);
  const re = /## Reminders: [\s\S]*?(?=\n## |$)/;
  const next = re.test(old) ? old.replace(re, section.trimEnd() + '\n') : old.replace(/\n## Targets/, `\n${section}\n## Targets`);
  fs.writeFileSync(file, next.includes(section.trim()) ? next : `${old.trimEnd()}\n\n${section}`);
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const n0 = (v: number) => Math.round(v).toLocaleString('en');
const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;

/** The load results as a markdown table (also readable in a terminal). */
export function resultsTable(r: Pick<BenchReport, 'loads'>): string {
  return [
    row(['endpoint', 'conns', 'req/s', 'median ms', 'p99 ms', 'requests', 'failed', 'server CPU ms/req', 'one request alone: size, first byte, total', 'peak RSS MB']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---:']),
    ...r.loads.map((t) =>
      row([
        `${t.name} \`${t.path}\``,
        t.connections,
        t.rps.toFixed(1),
        t.p50,
        t.p99,
        t.requests,
        t.failed,
        t.cpuMsPerRequest.toFixed(2),
        `${kib(t.single.bytes)}, ${t.single.ttfbMs} ms, ${t.single.totalMs} ms`,
        t.peakRssMb,
      ]),
    ),
  ].join('\n');
}

/** The key figures the targets are judged on. */
export function verdicts(r: BenchReport) {
  const find = (name: string) => r.loads.find((l) => l.name.startsWith(name))!;
  const [s, l] = r.scale;
  return {
    lessonRatio: find('Lesson page').rps / find('Same lesson').rps,
    referenceRatio: find('Reference').rps / find('Same lesson').rps,
    dashboardRpsRatio: l.dashboard.rps / s.dashboard.rps,
    // CPU per request (cached answers and the recomputations, every few seconds, they include) varies least with other load
    dashboardCpuRatio: l.dashboard.cpuMsPerRequest / s.dashboard.cpuMsPerRequest,
    exportUsPerRow: [s.exportInProcess.usPerRow, l.exportInProcess.usPerRow] as const,
    exportLiveKb: [s.exportInProcess.peakLiveHeapGrowthKb, l.exportInProcess.peakLiveHeapGrowthKb] as const,
    reportMs: r.pdf[0]!.medianMs,
  };
}

function scaleTable(r: BenchReport): string {
  const [s, l] = r.scale;
  const line = (label: string, f: (x: Scale) => string | number) => row([label, f(s), f(l)]);
  return [
    row(['', `${n0(s.employees)} employees (${n0(s.rows)} rows)`, `${n0(l.employees)} employees (${n0(l.rows)} rows)`]),
    row(['---', '---:', '---:']),
    line(`dashboard under load (${s.dashboard.connections} conns): req/s`, (x) => x.dashboard.rps.toFixed(1)),
    line('dashboard under load: median / p99 ms', (x) => `${x.dashboard.p50} / ${x.dashboard.p99}`),
    line('dashboard under load: server CPU ms per request', (x) => x.dashboard.cpuMsPerRequest.toFixed(2)),
    line('dashboard computed afresh after a write, one request, ms', (x) => x.coldMs),
    line('export, one request alone: size, first byte, total', (x) => `${kib(x.export.single.bytes)}, ${x.export.single.ttfbMs} ms, ${x.export.single.totalMs} ms`),
    line('export, one request alone: server RSS growth MB', (x) => x.export.single.rssGrowthMb),
    line('export in-process (own process, no HTTP): ms, µs per row', (x) => `${x.exportInProcess.ms}, ${x.exportInProcess.usPerRow}`),
    line('export in-process: most live heap above the start, after GC, KB', (x) => x.exportInProcess.peakLiveHeapGrowthKb),
    line(`export under load (${s.export.connections} conns, ${s.export.requests} requests): req/s, rows/s`, (x) => `${x.export.rps.toFixed(2)}, ${n0(x.export.rps * x.rows)}`),
    line('export under load: median / p99 ms', (x) => `${n0(x.export.p50)} / ${n0(x.export.p99)}`),
    line('export under load: server CPU ms per request, peak RSS MB', (x) => `${x.export.cpuMsPerRequest.toFixed(0)}, ${x.export.peakRssMb}`),
  ].join('\n');
}

/** Writes bench/results.md: the tables, the machine, and each target met or not with the figure that says so. */
export function writeResults(r: BenchReport, file: string): void {
  const cpus = os.cpus();
  const d = r.dataset;
  const v = verdicts(r);
  const ok = (met: boolean) => (met ? '**met**' : '**not met**');
  const pdfRows = r.pdf.map((p) => row([p.name, p.medianMs, p.firstMs, kib(p.bytes), p.peakRssMb, p.heapDeltaMb]));
  const jsRows = r.js.map((j) => row([`${j.page} \`${j.path.replace(/\/audits\/.+/, '/audits/<id>')}\``, j.files, kib(j.bytes), kib(j.gzipBytes)]));
  const text = `# Benchmark results

Run \`npm run build && npm run bench\`. Written ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by bench/run.ts, which took ${r.elapsedS} s.

Dataset: ${n0(d.users)} users in ${d.departments} departments, ${n0(d.assignments)} assignments (three courses for everyone),
${n0(d.attempts)} attempts, ${n0(d.completions)} completions; database file ${d.dbMb} MB, built in ${d.seconds} s; 2,000 of the
employees have a session and take turns sending the lesson, courses and quiz requests. The same organisation at a tenth of the size is the comparison for scaling.
Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()};
load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}. The load generator runs on the same two cores as the server, and other
work on the machine slows every figure; "server CPU ms/req" (the server process's CPU time over the requests it answered) varies least.
Server: the built app, one Node process, NODE_ENV=production, embedded libSQL file, loopback only; idle RSS after start ${r.idleRssMb} MB.

## Under load (${n0(d.users)} users, ${r.loads[0]?.connections} connections each)

${resultsTable(r)}

Lesson page ÷ static copy: **${v.lessonRatio.toFixed(2)}**; the anonymous login page (an Astro page with no database work) ÷ static copy: ${v.referenceRatio.toFixed(2)}.
Each endpoint is loaded with autocannon over loopback for the stated time (the export: for a number of requests, as one takes seconds);
"peak RSS" is the server's highest resident memory, sampled every 20 ms during that run.

## Does it grow with the organisation?

${scaleTable(r)}

## Signed PDFs (in-process, own process; ${r.pdf[0]?.runs} runs after a first, cold one)

${row(['document', 'median ms', 'first run ms', 'size', 'peak RSS MB', 'heap growth MB'])}
${row(['---', '---:', '---:', '---:', '---:', '---:'])}
${pdfRows.join('\n')}

The first run includes parsing the 10 MB CJK font once per process; the report is rendered with render-audit-report.ts and
signed (PAdES, RSA 2048) with a throwaway organisation identity, the way signing an audit does it.

## Evidence pack (large organisation, over HTTP, one request at a time)

${r.pack ? `The signed pack of the last year (training at today's figures, 365 daily snapshots, 24 signed audits with 72 corrective actions, up to 2,000 overdue rows): median **${r.pack.medianMs} ms** over ${r.pack.runs} requests after a first one of ${r.pack.firstMs} ms; ${kib(r.pack.bytes)}.` : 'Not measured in this run.'}

## JavaScript shipped

${row(['page', 'files (incl. inline)', 'bytes', 'gzip'])}
${row(['---', '---:', '---:', '---:'])}
${jsRows.join('\n')}

Counted from the served HTML: inline scripts, every script and modulepreload, the islands' component and renderer modules, and
everything they import, each file once.

## Audit log verification (own process)

\`log verify\` over ${n0(r.logVerify.entries)} entries with ${r.logVerify.checkpoints} signed checkpoints and ${r.logVerify.documents} signed certificates as anchors
(bench/log-verify.ts, also \`npm run bench:log\`): first run ${n0(r.logVerify.firstMs)} ms, median of ${r.logVerify.runs} more ${n0(r.logVerify.medianMs)} ms; the log ${r.logVerify.ok ? 'verified intact' : 'did NOT verify'}.

${notifySection(r.notify)}
## Targets

- Lesson page at least half of the static ceiling: ${ok(v.lessonRatio >= 0.5)} (${v.lessonRatio.toFixed(2)}).
- Dashboard flat from ${n0(r.scale[0].employees)} to ${n0(r.scale[1].employees)} employees: ${ok(v.dashboardCpuRatio <= 1.25)} (server CPU per request at 10× the people: ${(v.dashboardCpuRatio * 100).toFixed(0)}% of the small organisation's; req/s ${(v.dashboardRpsRatio * 100).toFixed(0)}%; medians ${r.scale[0].dashboard.p50} and ${r.scale[1].dashboard.p50} ms).
- Export flat per row and in memory: ${ok(v.exportUsPerRow[1] <= v.exportUsPerRow[0] * 1.5 && v.exportLiveKb[1] < 1024)} (${v.exportUsPerRow[0]} and ${v.exportUsPerRow[1]} µs per row in-process; most live heap during an export ${v.exportLiveKb[0]} and ${v.exportLiveKb[1]} KB above the start).
- Signed 120-item report under 500 ms: ${ok(v.reportMs < 500)} (median ${v.reportMs} ms).
${r.pack ? `- Evidence pack on the ${n0(r.scale[1].employees)}-employee set under 2 s: ${ok(r.pack.medianMs < 2000)} (median ${r.pack.medianMs} ms).` : ''}
- Verifying ${n0(r.logVerify.entries)} log entries and their anchors under 10 s: ${ok(r.logVerify.ok && Math.max(r.logVerify.firstMs, r.logVerify.medianMs) < r.logVerify.targetMs)} (first ${n0(r.logVerify.firstMs)} ms, median ${n0(r.logVerify.medianMs)} ms).
- \`notify run\` over ${n0(r.notify[1].assignments)} assignments under 10 s, memory flat: ${ok(notifyVerdict(r.notify).met)} (${notifyVerdict(r.notify).text}).

${fs.existsSync(NOTES) ? fs.readFileSync(NOTES, 'utf8') : ''}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** What limits each figure and why the code is as it is: kept by hand, appended to every report. */
const NOTES = path.join(import.meta.dirname, 'notes.md');
