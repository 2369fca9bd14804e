// `notify run` over a benchmark organisation, measured in a process of its own (--expose-gc): the
// deciding half (every assignment that may need a reminder, the managers' digests, the actions)
// and the composing half (one mail per person into the outbox), without sending. Between pages the
// live heap is read after a forced collection: streamed in pages, it stays about one page whatever
// the size of the organisation. A second pass at the same time must find nothing new.
import fs from 'node:fs';
import path from 'node:path';
import { count, isNull } from 'drizzle-orm';
import { notifications, outboxMails } from '../db/schema.ts';
import { listCourses } from '../src/lib/content/catalog.ts';
import { drizzleFor, openClient } from '../src/lib/db/client.ts';
import { composeMails } from '../src/lib/notify/compose-mails.ts';
import { decideDue } from '../src/lib/notify/decide-due.ts';

export type NotifyBench = {
  assignments: number;
  scanned: number;
  decided: number;
  queued: number;
  mails: number;
  decideMs: number;
  composeMs: number;
  totalMs: number;
  secondPassMs: number;
  secondPassQueued: number;
  baseHeapMb: number;
  peakLiveHeapGrowthKb: number;
};

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * One pass (decide + compose) over the database in `dir` at `now`, timed, then a second one at the
 * same time. The heap is measured on a copy of the database in a pass of its own, because the forced
 * collections it needs would be counted in the time.
 */
export async function measureNotify(dir: string, now = Date.now()): Promise<NotifyBench> {
  if (!gc) throw new Error('run with node --expose-gc');
  const copy = path.join(dir, 'notify-heap.db');
  fs.copyFileSync(path.join(dir, 'lms.db'), copy);
  const heap = await heapOfPass(copy, now);
  fs.rmSync(copy, { force: true });
  const client = await openClient(`file:${path.join(dir, 'lms.db')}`);
  const db = drizzleFor(client);
  const [{ n: assignments }] = (await client.execute('SELECT count(*) AS n FROM assignments')).rows as unknown as [{ n: number }];
  const t0 = performance.now();
  const decided = await decideDue(db, { now });
  const t1 = performance.now();
  const mails = await composeMails(db, { now, publicUrl: 'https://lms.example.com', mailDomain: 'lms.example.com' });
  const t2 = performance.now();
  const again = await decideDue(db, { now });
  await composeMails(db, { now, publicUrl: 'https://lms.example.com', mailDomain: 'lms.example.com' });
  const t3 = performance.now();
  const [pending] = await db.select({ n: count() }).from(notifications).where(isNull(notifications.mailId));
  const [outbox] = await db.select({ n: count() }).from(outboxMails);
  client.close();
  if ((pending?.n ?? 0) !== 0 || outbox?.n !== mails) throw new Error(`unexpected state: ${pending?.n} pending, ${outbox?.n} mails for ${mails} composed`);
  return {
    assignments: Number(assignments),
    scanned: decided.scanned,
    decided: decided.decided,
    queued: decided.queued,
    mails,
    decideMs: Math.round(t1 - t0),
    composeMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
    secondPassMs: Math.round(t3 - t2),
    secondPassQueued: again.queued,
    ...heap,
  };
}

/** The live heap during a pass: read after a forced collection before every page of either half. */
async function heapOfPass(file: string, now: number): Promise<{ baseHeapMb: number; peakLiveHeapGrowthKb: number }> {
  const client = await openClient(`file:${file}`);
  const db = drizzleFor(client);
  // the course catalog is read once per process, on the first mail: loaded before, so it is not counted
  listCourses('en');
  listCourses('zh-cn');
  gc!();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  // called before every page: the place to read the live heap
  const sample = async () => {
    gc!();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return true;
  };
  await decideDue(db, { now, stillMine: sample });
  await composeMails(db, { now, publicUrl: 'https://lms.example.com', mailDomain: 'lms.example.com', stillMine: sample });
  await sample();
  client.close();
  for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return { baseHeapMb: Math.round(base / 1024 / 1024), peakLiveHeapGrowthKb: Math.round((peak - base) / 1024) };
}

// one directory after the other: prints the figures for each as JSON
if (import.meta.main) {
  const results: NotifyBench[] = [];
  for (const dir of process.argv.slice(2)) results.push(await measureNotify(dir));
  console.log(JSON.stringify(results));
}
