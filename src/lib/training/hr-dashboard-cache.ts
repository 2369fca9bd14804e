// HR's dashboard aggregates every assignment, so at 10,000 people one costs tens of milliseconds
// of database time however it is written. Many HR users refreshing it should not each pay that,
// so each server process keeps the latest result per set of filters and reuses it while
//   - no write has happened since: every write that matters appends to the audit log in the same
//     transaction, so the log's last sequence number (one index lookup, in the shared database)
//     changes with any write by any server process; and
//   - it is younger than DASHBOARD_MAX_AGE_MS, because statuses also change as time passes (a due
//     date goes by with no write at all). That is the only staleness: a few seconds, never a write.
// Rows changed behind the app's back (SQL by hand, without a log entry) show within the same bound.
import { sql } from 'drizzle-orm';
import { assertCan } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import { getHrDashboard, type HrDashboard, type HrDashboardOptions } from './hr-dashboard.ts';

export const DASHBOARD_MAX_AGE_MS = 5_000;
const MAX_ENTRIES_PER_DB = 100;

type Entry = { at: number; seq: number; board: Promise<HrDashboard> };
const caches = new WeakMap<Db, Map<string, Entry>>();

export type CachedHrDashboard = { board: HrDashboard; /** When it was computed: the "as of" time of every status on it. */ asOf: number };

/** The audit log's last sequence number: it moves with every write that matters. */
async function lastLogSeq(db: Db): Promise<number> {
  const [row] = await db.all<{ seq: number | null }>(sql`SELECT max(seq) AS "seq" FROM audit_log`);
  return row?.seq ?? 0;
}

/** The dashboard, from this process's cache when nothing was written since and it is under DASHBOARD_MAX_AGE_MS old. */
export async function getCachedHrDashboard(o: HrDashboardOptions): Promise<CachedHrDashboard> {
  // checked before the cache: a cached board is no less private than a fresh one
  assertCan(o.actor, 'hr.view');
  const now = o.now ?? Date.now();
  const seq = await lastLogSeq(o.db);
  const cache = caches.get(o.db) ?? new Map<string, Entry>();
  caches.set(o.db, cache);
  const f = o.filters;
  const key = JSON.stringify([o.locale, f.departmentId ?? null, f.course ?? null, f.status ?? null, o.listLimit ?? null]);
  let entry = cache.get(key);
  if (!entry || entry.seq !== seq || now - entry.at >= DASHBOARD_MAX_AGE_MS || now < entry.at) {
    // requests arriving while it is computed share the same promise: one computation, not one each
    const fresh: Entry = { at: now, seq, board: getHrDashboard({ ...o, now }) };
    fresh.board.catch(() => cache.get(key) === fresh && cache.delete(key));
    cache.delete(key);
    cache.set(key, fresh);
    if (cache.size > MAX_ENTRIES_PER_DB) cache.delete(cache.keys().next().value!);
    entry = fresh;
  }
  return { board: await entry.board, asOf: entry.at };
}
