// Scheduled work (reminders, checkpoints, programme drafts) must run on one app server at a
// time even when several share the database. A lease is a row naming its holder until a time;
// taking it is one atomic UPSERT, so two servers racing for it cannot both win.
import { and, eq, sql } from 'drizzle-orm';
import { jobLeases } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { newId } from '../ids.ts';

/** This process's identity as a lease holder. */
export const processHolder = `${process.pid}-${newId()}`;

export type LeaseOptions = { name: string; holder?: string; ttlMs: number; now?: number };

/** Takes or renews the named lease; true when this holder has it until now + ttlMs. */
export async function acquireLease(db: Db, o: LeaseOptions): Promise<boolean> {
  const holder = o.holder ?? processHolder;
  const now = o.now ?? Date.now();
  // Through this process's write queue: libSQL runs SQLite on the main thread, so an autocommit
  // write waiting for the lock held by one of our own open transactions would block the event
  // loop until its busy timeout (the transaction cannot finish meanwhile).
  const won = await writeTransaction(db, (tx) => tx.all(sql`
    INSERT INTO job_leases (name, holder, expires_at) VALUES (${o.name}, ${holder}, ${now + o.ttlMs})
    ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE job_leases.holder = excluded.holder OR job_leases.expires_at <= ${now}
    RETURNING holder`));
  return won.length === 1;
}

/** Gives the lease back early, if this holder still has it. */
export async function releaseLease(db: Db, name: string, holder = processHolder): Promise<void> {
  await writeTransaction(db, (tx) => tx.delete(jobLeases).where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder))));
}

/** Runs `work` only if the named lease can be had; returns undefined when another holder has it. */
export async function withLease<T>(db: Db, o: LeaseOptions, work: () => Promise<T>): Promise<T | undefined> {
  if (!(await acquireLease(db, o))) return undefined;
  try {
    return await work();
  } finally {
    await releaseLease(db, o.name, o.holder ?? processHolder);
  }
}
