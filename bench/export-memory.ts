// The CSV export's memory, measured where it can be measured exactly: in a process of its own
// (started with --expose-gc), streaming the whole export from a dataset's database and, every few
// pages, collecting garbage and reading the live heap. A file built in memory would show its full
// size here; a streamed one shows about one page, whatever the number of rows.
import { systemActor } from '../src/lib/auth/permissions.ts';
import path from 'node:path';
import { drizzleFor, openClient } from '../src/lib/db/client.ts';
import { completionsStream } from '../src/lib/training/hr-export-stream.ts';

export type ExportMemory = { rows: number; bytes: number; ms: number; usPerRow: number; baseHeapMb: number; peakLiveHeapGrowthKb: number };

const gc = (globalThis as { gc?: () => void }).gc;

/** Streams the full CSV export of the database in `dir` once to warm up, then once measured. */
export async function measureExport(dir: string): Promise<ExportMemory> {
  if (!gc) throw new Error('run with node --expose-gc');
  const client = await openClient(`file:${path.join(dir, 'lms.db')}`);
  const db = drizzleFor(client);
  const once = async (measure: boolean) => {
    gc();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    let bytes = 0;
    let lines = 0;
    let chunks = 0;
    const t0 = performance.now();
    const reader = completionsStream({ db, actor: systemActor, filters: {}, format: 'csv' }).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const b of value) if (b === 10) lines++;
      // the received chunks are dropped, like a socket does once they are sent
      if (measure && ++chunks % 3 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    const ms = performance.now() - t0;
    return { rows: lines - 1, bytes, ms, base, peak };
  };
  await once(false);
  const timed = await once(false); // time without the collections
  const m = await once(true);
  client.close();
  const usPerRow = Math.round((timed.ms * 10000) / m.rows) / 10;
  return { rows: m.rows, bytes: m.bytes, ms: Math.round(timed.ms), usPerRow, baseHeapMb: Math.round(m.base / 1024 / 1024), peakLiveHeapGrowthKb: Math.round((m.peak - m.base) / 1024) };
}

// one after the other, so neither slows the other: prints the figures for each directory as JSON
if (import.meta.main) {
  const results: ExportMemory[] = [];
  for (const dir of process.argv.slice(2)) results.push(await measureExport(dir));
  console.log(JSON.stringify(results));
}
