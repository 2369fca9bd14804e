import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzleFor, openClient, type Db } from '../../../src/lib/db/client.ts';
import { acquireLease, releaseLease, withLease } from '../../../src/lib/jobs/lease.ts';
import { tempDb } from '../../support/db.ts';

describe('job leases', () => {
  let t: Awaited<ReturnType<typeof tempDb>>;
  beforeAll(async () => {
    t = await tempDb();
  });
  afterAll(() => t.close());

  it('gives a free lease to the first holder and refuses a second until it expires', async () => {
    expect(await acquireLease(t.db, { name: 'a', holder: 'one', ttlMs: 1000, now: 10_000 })).toBe(true);
    expect(await acquireLease(t.db, { name: 'a', holder: 'two', ttlMs: 1000, now: 10_500 })).toBe(false);
    // the holder renews its own lease
    expect(await acquireLease(t.db, { name: 'a', holder: 'one', ttlMs: 1000, now: 10_900 })).toBe(true);
    expect(await acquireLease(t.db, { name: 'a', holder: 'two', ttlMs: 1000, now: 11_800 })).toBe(false);
    // once expired, anyone may take it
    expect(await acquireLease(t.db, { name: 'a', holder: 'two', ttlMs: 1000, now: 11_901 })).toBe(true);
  });

  it('is released only by its holder', async () => {
    expect(await acquireLease(t.db, { name: 'b', holder: 'one', ttlMs: 60_000 })).toBe(true);
    await releaseLease(t.db, 'b', 'two');
    expect(await acquireLease(t.db, { name: 'b', holder: 'two', ttlMs: 60_000 })).toBe(false);
    await releaseLease(t.db, 'b', 'one');
    expect(await acquireLease(t.db, { name: 'b', holder: 'two', ttlMs: 60_000 })).toBe(true);
  });

  it('lets exactly one of many connections racing for a lease run the work', async () => {
    const url = `file:${t.dir}/lms.db`;
    const clients = await Promise.all(Array.from({ length: 8 }, () => openClient(url)));
    const dbs: Db[] = clients.map(drizzleFor);
    let ran = 0;
    const gate = new Promise((r) => setTimeout(r, 50));
    await Promise.all(dbs.map((db, i) => withLease(db, { name: 'c', holder: `h${i}`, ttlMs: 60_000 }, async () => {
      ran++;
      await gate;
    })));
    expect(ran).toBe(1);
    for (const c of clients) c.close();
  });
});
