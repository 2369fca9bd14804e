// `npm run bench`: builds two organisations (10,000 and 1,000 employees) in temporary databases,
// starts the built server (NODE_ENV=production, loopback only) on each, loads the lesson page, its
// static copy, GET /api/courses, quiz submissions, the HR dashboard and the CSV export with
// autocannon, measures the JavaScript three pages ship, then the signed PDFs in a separate process,
// and writes one report to bench/results.md. Bounded: BENCH_SECONDS per endpoint (default 10),
// BENCH_EMPLOYEES (default 10,000; the small set is a tenth), and the whole run stops at 10 minutes.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { demoAnswers } from '../src/lib/training/demo-answers.ts';
import { root, startServer, type TestServer } from '../tests/support/server.ts';
import { COURSES } from './build-dataset.ts';
import { makeDataset, type Dataset } from './dataset.ts';
import type { ExportMemory } from './export-memory.ts';
import { jsBytesOf, type JsBytes } from './js-bytes.ts';
import { loadTarget, type Target, type TargetResult } from './load.ts';
import { rssBytes } from './memory.ts';
import type { LogVerifyResult } from './log-verify.ts';
import type { PdfResult } from './pdf-bench.ts';
import type { NotifyBench } from './notify-bench.ts';
import { notifySection, resultsTable, updateNotifySection, writeResults, type EvidencePackFigures, type Scale } from './report.ts';

const clamp = (v: string | undefined, fallback: number, min: number, max: number) => Math.min(max, Math.max(min, Number(v) || fallback));
const employees = clamp(process.env.BENCH_EMPLOYEES, 10_000, 1000, 50_000);
const seconds = clamp(process.env.BENCH_SECONDS, 10, 1, 60);
const CONNECTIONS = 50;
const LESSON = '/training/confidentiality/why-it-matters';
const STATIC = '/bench-static-lesson.html'; // served by the adapter's static handler from dist/client
const staticFile = path.join(root, 'dist/client', STATIC.slice(1));
const started = performance.now();
const deadline = setTimeout(() => {
  console.error('The benchmark ran out of time (10 minutes); stopping.');
  fs.rmSync(staticFile, { force: true });
  process.exit(1);
}, 10 * 60_000);
deadline.unref();
if (!fs.existsSync(path.join(root, 'dist/server/entry.mjs'))) {
  console.error('Build the app first: npm run build');
  process.exit(2);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'lms-bench-')), fs.mkdtempSync(path.join(os.tmpdir(), 'lms-bench-'))] as const;
let server: TestServer | undefined;

/** Passing answers three times out of four, from a different person each time, on the three courses in turn. */
const quizRequest = (n: number) => {
  const course = COURSES[n % COURSES.length]!;
  return { path: `/api/courses/${course}/attempts`, body: { answers: demoAnswers(course, n % 4 === 3 ? 5 : 0, n) } };
};

async function run(label: string, target: Target): Promise<TargetResult> {
  await pause(2000); // let the previous load's last requests drain
  console.log(`  ${label}: ${target.path} with ${target.connections} connections${target.amount ? `, ${target.amount} requests` : ` for ${target.seconds} s`} …`);
  return loadTarget(server!.url, server!.child.pid!, target);
}

/** The dashboard computed afresh (a quiz attempt is written first, so the cache cannot answer): median of 3, ms. */
async function coldDashboardMs(d: Dataset): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const q = quizRequest(i);
    await fetch(server!.url + q.path, { method: 'POST', headers: { cookie: d.logins.employees[i]!, 'content-type': 'application/json' }, body: JSON.stringify(q.body) });
    const t0 = performance.now();
    await (await fetch(`${server!.url}/hr`, { headers: { cookie: d.logins.hr } })).arrayBuffer();
    times.push(performance.now() - t0);
  }
  return Math.round(times.sort((a, b) => a - b)[1]!);
}

/** The signed evidence pack of the last year over HTTP, one request at a time: median of 5 after a first one. */
async function evidencePackFigures(d: Dataset): Promise<EvidencePackFigures> {
  console.log('  evidence pack, one request at a time …');
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const url = `${server!.url}/api/evidence-pack.pdf?from=${day(Date.now() - 365 * 24 * 3600 * 1000)}&to=${day(Date.now())}`;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie: d.logins.hr } });
    if (res.status !== 200) throw new Error(`evidence pack: ${res.status} ${await res.text()}`);
    bytes = (await res.arrayBuffer()).byteLength;
    times.push(performance.now() - t0);
  }
  const [first, ...rest] = times;
  return { firstMs: Math.round(first!), medianMs: Math.round(rest.sort((a, b) => a - b)[Math.floor(rest.length / 2)]!), bytes, runs: rest.length };
}

/** The dashboard and the export on one dataset: what the scaling comparison needs. */
async function hrFigures(d: Dataset): Promise<Omit<Scale, 'exportInProcess'>> {
  const hr = [d.logins.hr];
  const coldMs = await coldDashboardMs(d);
  const dashboard = await run('HR dashboard', { name: 'HR dashboard', path: '/hr', cookies: hr, connections: CONNECTIONS, seconds });
  const exportOne = await run('CSV export', { name: 'CSV export (every row)', path: '/api/hr/completions.csv', cookies: hr, connections: CONNECTIONS, amount: 2 * CONNECTIONS });
  return { employees: d.summary.users - 2, rows: d.summary.assignments, coldMs, dashboard, export: exportOne };
}

// the last line a bench script prints is its figures, as JSON
const child = async <T,>(args: string[]): Promise<T> => {
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
};
const notifyBench = async () => {
  console.log('Reminders: notify run (decide and queue) on both organisations, in a process of its own …');
  const [s, l] = await child<NotifyBench[]>(['--expose-gc', path.join(root, 'bench/notify-bench.ts'), dirs[1], dirs[0]]);
  return [s!, l!] as [NotifyBench, NotifyBench];
};

try {
  const big = await makeDataset(dirs[0], employees);
  const small = await makeDataset(dirs[1], Math.round(employees / 10));
  if (process.env.BENCH_ONLY === 'notify') {
    // only the reminders measurement: its section of bench/results.md is replaced, the rest kept
    const notify = await notifyBench();
    console.log(`\n${notifySection(notify)}`);
    updateNotifySection(path.join(root, 'bench/results.md'), notify);
  } else {
    console.log('Starting the server on the large organisation …');
    server = await startServer({ dataDir: dirs[0], env: { NODE_ENV: 'production' } });
    const idleRssMb = Math.round(rssBytes(server.child.pid!) / 1024 / 1024);
    const lessonHtml = await (await fetch(server.url + LESSON, { headers: { cookie: big.logins.employees[0]! } })).text();
    fs.writeFileSync(staticFile, lessonHtml);
    const people = big.logins.employees;
    const loads: TargetResult[] = [];
    loads.push(await run('lesson', { name: 'Lesson page', path: LESSON, cookies: people, connections: CONNECTIONS, seconds }));
    loads.push(await run('static copy', { name: 'Same lesson HTML as a static file', path: STATIC, cookies: [], connections: CONNECTIONS, seconds }));
    loads.push(await run('reference', { name: 'Reference: login page, anonymous (no database)', path: '/login', cookies: [], connections: CONNECTIONS, seconds }));
    loads.push(await run('my courses', { name: 'My courses', path: '/api/courses', cookies: people, connections: CONNECTIONS, seconds }));
    loads.push(await run('quiz', { name: 'Quiz submission', path: '/api/courses/[slug]/attempts', method: 'POST', request: quizRequest, cookies: people, connections: CONNECTIONS, seconds }));
    const largeHr = await hrFigures(big);
    loads.push(largeHr.dashboard, largeHr.export);
    const pack = await evidencePackFigures(big);

    console.log('  JavaScript shipped by three pages …');
    const audit = await fetch(`${server.url}/api/audits`, { method: 'POST', headers: { cookie: big.logins.auditor, 'content-type': 'application/json' }, body: JSON.stringify({ checklist: 'client-data-handling', title: 'Bench audit' }) });
    const auditId = ((await audit.json()) as { id: string }).id;
    const js: JsBytes[] = [
      await jsBytesOf(server.url, 'Lesson', LESSON, people[0]!),
      await jsBytesOf(server.url, 'Quiz', '/training/confidentiality/quiz', people[0]!),
      await jsBytesOf(server.url, 'Audit (draft, 120 items, its auditor)', `/audits/${auditId}`, big.logins.auditor),
    ];
    await server.stop();
    server = undefined;
    fs.rmSync(staticFile, { force: true });

    console.log('Starting the server on the small organisation …');
    server = await startServer({ dataDir: dirs[1], env: { NODE_ENV: 'production' } });
    const smallHr = await hrFigures(small);
    await server.stop();
    server = undefined;

    console.log('The export\'s time per row and live memory, in a process of its own …');
    const [smallExport, largeExport] = await child<ExportMemory[]>(['--expose-gc', path.join(root, 'bench/export-memory.ts'), dirs[1], dirs[0]]);
    console.log('Signed PDFs, in a process of their own …');
    const pdf = await child<{ items: number; results: PdfResult[] }>([path.join(root, 'bench/pdf-bench.ts')]);
    console.log('Audit log verification over 300,000 entries, in a process of its own …');
    const logVerify = await child<LogVerifyResult>([path.join(root, 'bench/log-verify.ts')]);
    // last, because it writes notifications and mails into both databases
    const notify = await notifyBench();

    const scale: [Scale, Scale] = [
      { ...smallHr, exportInProcess: smallExport! },
      { ...largeHr, exportInProcess: largeExport! },
    ];
    const report = { dataset: big.summary, idleRssMb, loads, scale, pdf: pdf.results, pack, js, logVerify, notify, elapsedS: Math.round((performance.now() - started) / 1000) };
    console.log(`\n${resultsTable(report)}\n`);
    const file = path.join(root, 'bench/results.md');
    writeResults(report, file);
    console.log(`Written to ${path.relative(root, file)} in ${report.elapsedS} s.`);
  }
} finally {
  fs.rmSync(staticFile, { force: true });
  await server?.stop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}
