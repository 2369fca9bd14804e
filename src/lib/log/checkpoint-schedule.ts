// The server's automatic checkpoints: one an hour if the log moved, and one as soon as a burst of
// entries has piled up since the last; and a verification of the whole log once a day. Every app
// server polls; a lease makes sure only one of them does each at a time, and the decision is
// taken again once it holds the lease.
import { desc } from 'drizzle-orm';
import { logCheckpoints, logVerifications } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { withLease } from '../jobs/lease.ts';
import { currentLogHead } from './current-log-head.ts';
import type { CheckpointTrigger } from './take-checkpoint.ts';

export type CheckpointPolicy = { intervalMs: number; burst: number };

export const LEASE_NAME = 'log-checkpoint';
export const VERIFY_LEASE_NAME = 'log-verify';
const LEASE_TTL_MS = 5 * 60_000;

/** Whether a checkpoint is due, and why: a burst of entries since the last one, or its age (if the log moved at all). */
export function checkpointDue(o: { headSeq: number; newest: { seq: number; at: number } | null; now: number; policy: CheckpointPolicy }): CheckpointTrigger | null {
  const since = o.headSeq - (o.newest?.seq ?? 0);
  if (since <= 0) return null; // nothing new to anchor
  if (since >= o.policy.burst) return 'burst';
  if (!o.newest || o.now - o.newest.at >= o.policy.intervalMs) return 'hourly';
  return null;
}

async function due(db: Db, policy: CheckpointPolicy, now: number): Promise<CheckpointTrigger | null> {
  const [head, [newest]] = await Promise.all([currentLogHead(db), db.select({ seq: logCheckpoints.seq, at: logCheckpoints.at }).from(logCheckpoints).orderBy(desc(logCheckpoints.at)).limit(1)]);
  return checkpointDue({ headSeq: head.seq, newest: newest ?? null, now, policy });
}

export type CheckpointJobOptions = {
  policy: CheckpointPolicy;
  take: (trigger: CheckpointTrigger) => Promise<unknown>;
  holder?: string;
  now?: () => number;
};

/** One pass: takes a checkpoint if one is due and this process gets the lease; returns the trigger it acted on. */
export async function runCheckpointJob(db: Db, o: CheckpointJobOptions): Promise<CheckpointTrigger | null> {
  const now = o.now ?? Date.now;
  if (!(await due(db, o.policy, now()))) return null; // a read decides cheaply; only a due checkpoint takes the lease
  const done = await withLease(db, { name: LEASE_NAME, holder: o.holder, ttlMs: LEASE_TTL_MS }, async () => {
    const trigger = await due(db, o.policy, now()); // another server may have just taken it
    if (trigger) await o.take(trigger);
    return trigger;
  });
  return done ?? null;
}

/** Whether the server should verify the log again: never verified, or the last verification is `everyMs` old. */
export function verificationDue(lastAt: number | null, now: number, everyMs: number): boolean {
  return lastAt === null || now - lastAt >= everyMs;
}

export type VerificationJobOptions = { everyMs: number; verify: () => Promise<unknown>; holder?: string; now?: () => number };

async function lastVerifiedAt(db: Db): Promise<number | null> {
  const [last] = await db.select({ at: logVerifications.at }).from(logVerifications).orderBy(desc(logVerifications.at)).limit(1);
  return last?.at ?? null;
}

/** One pass: verifies the log (and stores the outcome) if the last verification, by anyone, is old enough. */
export async function runVerificationJob(db: Db, o: VerificationJobOptions): Promise<boolean> {
  const now = o.now ?? Date.now;
  if (!verificationDue(await lastVerifiedAt(db), now(), o.everyMs)) return false;
  const done = await withLease(db, { name: VERIFY_LEASE_NAME, holder: o.holder, ttlMs: LEASE_TTL_MS }, async () => {
    if (!verificationDue(await lastVerifiedAt(db), now(), o.everyMs)) return false;
    await o.verify();
    return true;
  });
  return done ?? false;
}

export type LogJobsOptions = { pollMs: number; checkpoints: CheckpointJobOptions; verification?: VerificationJobOptions; onError?: (error: unknown) => void };

/** Runs the passes every `pollMs` until stopped; a failure is reported and the next pass tries again. */
export function scheduleLogJobs(db: Db, o: LogJobsOptions): () => void {
  let running = false;
  const report = o.onError ?? ((e: unknown) => console.error('Audit log job failed:', e));
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    (async () => {
      await runCheckpointJob(db, o.checkpoints).catch(report);
      if (o.verification) await runVerificationJob(db, o.verification).catch(report);
    })().finally(() => (running = false));
  }, o.pollMs);
  timer.unref();
  return () => clearInterval(timer);
}
