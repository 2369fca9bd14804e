import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobLeases, logCheckpoints } from '../../../db/schema.ts';
import { drizzleFor, openClient, type Db } from '../../../src/lib/db/client.ts';
import { writeTransaction } from '../../../src/lib/db/write.ts';
import { acquireLease } from '../../../src/lib/jobs/lease.ts';
import { appendLog } from '../../../src/lib/log/append-log.ts';
import { checkpointDue, LEASE_NAME, runCheckpointJob, runVerificationJob, verificationDue, VERIFY_LEASE_NAME } from '../../../src/lib/log/checkpoint-schedule.ts';
import { recordVerification } from '../../../src/lib/log/record-verification.ts';
import { verifyLog } from '../../../src/lib/log/verify-log.ts';
import { checkpointsDir, takeCheckpoint } from '../../../src/lib/log/take-checkpoint.ts';
import { loadSigningIdentity, type SigningIdentity } from '../../../src/lib/reports/signing-identity.ts';
import { tempDb } from '../../support/db.ts';

const HOUR = 3_600_000;
const policy = { intervalMs: HOUR, burst: 100 };

describe('when an automatic checkpoint is due', () => {
  it('is due at once for a log that has entries and no checkpoint, never for an empty one', () => {
    expect(checkpointDue({ headSeq: 1, newest: null, now: 0, policy })).toBe('hourly');
    expect(checkpointDue({ headSeq: 0, newest: null, now: 0, policy })).toBeNull();
  });
  it('is due an hour after the last one if the log moved, and not if it did not', () => {
    const newest = { seq: 50, at: 1_000_000 };
    expect(checkpointDue({ headSeq: 51, newest, now: 1_000_000 + HOUR - 1, policy })).toBeNull();
    expect(checkpointDue({ headSeq: 51, newest, now: 1_000_000 + HOUR, policy })).toBe('hourly');
    expect(checkpointDue({ headSeq: 50, newest, now: 1_000_000 + 10 * HOUR, policy })).toBeNull();
  });
  it('is due as soon as a burst of entries has piled up since the last one', () => {
    const newest = { seq: 50, at: 1_000_000 };
    expect(checkpointDue({ headSeq: 149, newest, now: 1_000_001, policy })).toBeNull();
    expect(checkpointDue({ headSeq: 150, newest, now: 1_000_001, policy })).toBe('burst');
  });
});

describe('the checkpoint job on several app servers', () => {
  let t: Awaited<ReturnType<typeof tempDb>>;
  let identity: SigningIdentity;
  beforeAll(async () => {
    t = await tempDb();
    identity = await loadSigningIdentity({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lms-org-')), organisation: 'Org' });
    for (let i = 0; i < 120; i++) await writeTransaction(t.db, (tx) => appendLog(tx, { actorId: null, action: 'test.write' }));
  });
  afterAll(() => t.close());

  it('writes exactly one checkpoint when eight servers notice the same burst at once', async () => {
    const clients = await Promise.all(Array.from({ length: 8 }, () => openClient(`file:${t.dir}/lms.db`)));
    const dbs: Db[] = clients.map(drizzleFor);
    const results = await Promise.all(
      dbs.map((db, i) => runCheckpointJob(db, { policy, holder: `server-${i}`, take: (trigger) => takeCheckpoint(db, { dataDir: t.dir, identity, organisation: 'Org', trigger }) })),
    );
    for (const c of clients) c.close();
    expect(results.filter((r) => r === 'burst')).toHaveLength(1);
    expect(fs.readdirSync(checkpointsDir(t.dir))).toHaveLength(1);
    expect(await t.db.select().from(logCheckpoints)).toMatchObject([{ seq: 120, trigger: 'burst' }]);
  });

  it('does nothing while another server holds the lease', async () => {
    for (let i = 0; i < 100; i++) await writeTransaction(t.db, (tx) => appendLog(tx, { actorId: null, action: 'test.write' }));
    expect(await acquireLease(t.db, { name: LEASE_NAME, holder: 'elsewhere', ttlMs: 60_000 })).toBe(true);
    let taken = 0;
    expect(await runCheckpointJob(t.db, { policy, holder: 'here', take: async () => taken++ })).toBeNull();
    expect(taken).toBe(0);
  });
});

describe('the server’s own verification', () => {
  it('is due when the log was never verified, or a day after the last verification', () => {
    const DAY = 24 * HOUR;
    expect(verificationDue(null, 5, DAY)).toBe(true);
    expect(verificationDue(1000, 1000 + DAY - 1, DAY)).toBe(false);
    expect(verificationDue(1000, 1000 + DAY, DAY)).toBe(true);
  });

  it('runs once, stores its outcome, and waits for the next day, whoever verified last', async () => {
    const t = await tempDb();
    let now = 1_800_000_000_000;
    let runs = 0;
    const o = { everyMs: 24 * HOUR, now: () => now, verify: async () => { runs++; await recordVerification(t.db, await verifyLog(t.db), 'server', now); } };
    expect(await runVerificationJob(t.db, o)).toBe(true);
    expect(await runVerificationJob(t.db, o)).toBe(false);
    now += 23 * HOUR;
    expect(await runVerificationJob(t.db, o)).toBe(false);
    now += HOUR;
    expect(await acquireLease(t.db, { name: VERIFY_LEASE_NAME, holder: 'elsewhere', ttlMs: 60_000, now: Date.now() })).toBe(true);
    expect(await runVerificationJob(t.db, o)).toBe(false); // another server is at it
    await t.db.delete(jobLeases);
    expect(await runVerificationJob(t.db, o)).toBe(true);
    expect(runs).toBe(2);
    t.close();
  });
});
