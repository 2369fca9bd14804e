// The dashboard cache may only ever be a few seconds behind the clock, and never behind a write.
import { systemActor } from '../../../src/lib/auth/permissions.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../../src/lib/db/write.ts';
import { appendLog } from '../../../src/lib/log/append-log.ts';
import { DASHBOARD_MAX_AGE_MS, getCachedHrDashboard } from '../../../src/lib/training/hr-dashboard-cache.ts';
import { tempDb } from '../../support/db.ts';
import { addAssignment, addPerson, DAY } from './fixtures.ts';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeAll(async () => {
  t = await tempDb();
});
afterAll(() => t?.close());

const now = Date.UTC(2026, 5, 15, 12);
const board = (at: number, course?: string) => getCachedHrDashboard({ db: t.db, actor: systemActor, locale: 'en', filters: { course }, now: at });
const logSomething = () => writeTransaction(t.db, (tx) => appendLog(tx, { actorId: null, action: 'test.write' }));

describe('the cached HR dashboard', () => {
  it('is reused while nothing is written and it is younger than the maximum age', async () => {
    await addAssignment(t.db, await addPerson(t.db), 'confidentiality', now + DAY);
    const first = await board(now);
    expect(first.board.totals.total.total).toBe(1);
    // a row written without a log entry (only SQL by hand does that) is not seen until the entry expires
    await addAssignment(t.db, await addPerson(t.db), 'confidentiality', now + DAY);
    const again = await board(now + DASHBOARD_MAX_AGE_MS - 1);
    expect(again.board).toBe(first.board);
    expect(again.asOf).toBe(now);
    const later = await board(now + DASHBOARD_MAX_AGE_MS);
    expect(later.board.totals.total.total).toBe(2);
    expect(later.asOf).toBe(now + DASHBOARD_MAX_AGE_MS);
  });

  it('is computed again as soon as anything is written, whichever process wrote it', async () => {
    const before = await board(now + 60_000);
    await addAssignment(t.db, await addPerson(t.db), 'confidentiality', now + DAY);
    await logSomething();
    const after = await board(now + 60_001);
    expect(after.board).not.toBe(before.board);
    expect(after.board.totals.total.total).toBe(before.board.totals.total.total + 1);
  });

  it('keeps one entry per set of filters, and concurrent requests share one computation', async () => {
    await logSomething();
    const [a, b, c] = await Promise.all([board(now + 120_000), board(now + 120_000), board(now + 120_000, 'emergency-response')]);
    expect(a.board).toBe(b.board);
    expect(c.board).not.toBe(a.board);
    expect(c.board.totals.total.total).toBe(0);
  });
});
