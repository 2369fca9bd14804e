// Formats the benchmark's figures as a console table and as bench/results.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type TargetResult = {
  name: string;
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  peakRssMb: number;
  /** One request on its own: size and time to first byte and to the end (shows the CSV streaming). */
  single: { bytes: number; ttfbMs: number; totalMs: number };
};

export type BenchReport = {
  dataset: { users: number; departments: number; assignments: number; attempts: number; completions: number; seconds: number; dbMb: number };
  idleRssMb: number;
  targets: TargetResult[];
};

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

/** The results as a markdown table (also readable in a terminal). */
export function resultsTable(r: BenchReport): string {
  const lines = [
    row(['endpoint', 'conns', 'req/s', 'median ms', 'p99 ms', 'requests', 'non-2xx', 'one request: size, first byte, total', 'peak RSS MB']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---:']),
    ...r.targets.map((t) =>
      row([`${t.name} \`${t.path}\``, t.connections, t.rps.toFixed(1), t.p50, t.p99, t.requests, t.non2xx + t.errors, `${(t.single.bytes / 1024).toFixed(0)} KiB, ${t.single.ttfbMs} ms, ${t.single.totalMs} ms`, t.peakRssMb]),
    ),
  ];
  return lines.join('\n');
}

/** Writes bench/results.md with the table, the dataset and the machine it ran on. */
export function writeResults(r: BenchReport, file: string): void {
  const cpus = os.cpus();
  const d = r.dataset;
  const text = `# Benchmark results

Run \`npm run build && npm run bench\`. Written ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by bench/run.ts.

Dataset: ${d.users.toLocaleString('en')} users in ${d.departments} departments, ${d.assignments.toLocaleString('en')} assignments (three courses for everyone),
${d.attempts.toLocaleString('en')} attempts, ${d.completions.toLocaleString('en')} completions; database file ${d.dbMb} MB, built in ${d.seconds} s.
Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()};
load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (other work on the machine slows every figure).
Server: the built app (one Node process, embedded libSQL file), idle RSS after start and login ${r.idleRssMb} MB.

${resultsTable(r)}

Each endpoint is loaded with autocannon for the stated time over loopback; "peak RSS" is the server
process's highest resident memory sampled every 50 ms during that endpoint's run.
`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
