// `npm run bench`: builds a large organisation in a temporary database, starts the built server on
// it (loopback only), loads the HR dashboard, the CSV export and GET /api/courses with autocannon,
// and reports requests per second, median and p99 latency and the server's peak memory.
// Bounded: BENCH_SECONDS per endpoint (default 10, at most 60), BENCH_EMPLOYEES (default 10,000).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-ignore: autocannon ships no type declarations
import autocannon from 'autocannon';
import { drizzleFor, openClient } from '../src/lib/db/client.ts';
import { migrateDatabase } from '../src/lib/db/migrate.ts';
import { root, startServer, type TestServer } from '../tests/support/server.ts';
import { BENCH_PASSWORD, buildDataset } from './build-dataset.ts';
import { sampleRss } from './memory.ts';
import { resultsTable, writeResults, type BenchReport, type TargetResult } from './report.ts';

const clamp = (v: string | undefined, fallback: number, min: number, max: number) => Math.min(max, Math.max(min, Number(v) || fallback));
const employees = clamp(process.env.BENCH_EMPLOYEES, 10_000, 100, 50_000);
const seconds = clamp(process.env.BENCH_SECONDS, 10, 1, 60);
// the whole run is capped, whatever happens
const deadline = setTimeout(() => {
  console.error('The benchmark ran out of time (15 minutes); stopping.');
  process.exit(1);
}, 15 * 60_000);
deadline.unref();

if (!fs.existsSync(path.join(root, 'dist/server/entry.mjs'))) {
  console.error('Build the app first: npm run build');
  process.exit(2);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-bench-'));
let server: TestServer | undefined;
try {
  console.log(`Building the dataset (${employees.toLocaleString('en')} employees) in ${dataDir} …`);
  const client = await openClient(`file:${path.join(dataDir, 'lms.db')}`);
  await migrateDatabase(drizzleFor(client), path.join(root, 'db/migrations'));
  const data = await buildDataset(client, { employees, departments: 20, attemptsPerCourse: 10 });
  client.close();
  const dbMb = Math.round(fs.statSync(path.join(dataDir, 'lms.db')).size / 1024 / 1024);
  console.log(`  ${data.users} users, ${data.assignments} assignments, ${data.attempts} attempts, ${data.completions} completions, ${dbMb} MB in ${data.seconds} s`);

  server = await startServer({ dataDir });
  const hr = await server.login({ email: data.hrEmail, password: BENCH_PASSWORD });
  const employee = await server.login({ email: data.employeeEmail, password: BENCH_PASSWORD });
  const rss = sampleRss(server.child.pid!);
  const idleRssMb = rss.peakMb();

  const targets = [
    { name: 'HR dashboard', path: '/hr', cookie: hr.cookie!, connections: 4 },
    { name: 'CSV export (all rows)', path: '/api/hr/completions.csv', cookie: hr.cookie!, connections: 2 },
    { name: 'My courses', path: '/api/courses', cookie: employee.cookie!, connections: 16 },
  ];
  const results: TargetResult[] = [];
  for (const t of targets) {
    // let the previous endpoint's last requests drain: the server answers one request at a time
    await new Promise((r) => setTimeout(r, 3000));
    // one request alone first: it warms caches and shows the time to first byte against the total
    const t0 = performance.now();
    const res = await fetch(server.url + t.path, { headers: { cookie: t.cookie } });
    const ttfbMs = Math.round(performance.now() - t0);
    const bytes = (await res.arrayBuffer()).byteLength;
    const totalMs = Math.round(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}; the server said:\n${server.output().slice(-2000)}`);
    rss.resetPeak();
    console.log(`Loading ${t.path} for ${seconds} s with ${t.connections} connections …`);
    const r = await autocannon({ url: server.url + t.path, connections: t.connections, duration: seconds, headers: { cookie: t.cookie }, timeout: 30 });
    results.push({
      name: t.name,
      path: t.path,
      connections: t.connections,
      seconds,
      requests: r.requests.total,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      peakRssMb: rss.peakMb(),
      single: { bytes, ttfbMs, totalMs },
    });
  }
  rss.stop();
  const report: BenchReport = { dataset: { ...data, dbMb }, idleRssMb, targets: results };
  console.log(`\n${resultsTable(report)}\n`);
  const file = path.join(root, 'bench/results.md');
  writeResults(report, file);
  console.log(`Written to ${path.relative(root, file)}.`);
} finally {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
