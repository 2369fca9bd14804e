// One pass of the audit programme's scheduled work: open the drafts that are due to open, and take
// the day's training snapshot. Each part runs under its own lease, so with several app servers
// (and the CLI) only one does it at a time; the database constraints make a repeat harmless anyway.
import type { Db } from '../db/client.ts';
import { withLease } from '../jobs/lease.ts';
import { openScheduledDrafts, type OpenedDraft } from './open-scheduled-drafts.ts';
import { takeTrainingSnapshot } from './take-training-snapshot.ts';

export const LEASE_TTL_MS = 5 * 60 * 1000;

export type ProgrammePass = { opened: OpenedDraft[] | null; snapshot: boolean | null };

/** Runs the pass at `now`; a part another holder is running reports null. */
export async function runProgramme(db: Db, o: { now?: number; holder?: string } = {}): Promise<ProgrammePass> {
  const now = o.now ?? Date.now();
  // leases are taken on the wall clock: `now` may be a simulated date (the CLI's --now)
  const lease = (name: string) => ({ name, ttlMs: LEASE_TTL_MS, holder: o.holder });
  const opened = (await withLease(db, lease('programme.open-drafts'), () => openScheduledDrafts(db, { now }))) ?? null;
  const snapshot = (await withLease(db, lease('programme.training-snapshot'), () => takeTrainingSnapshot(db, { now }))) ?? null;
  return { opened, snapshot };
}
