// The scheduler's deciding half on a real libSQL file, with tiny pages so that every keyset
// boundary is crossed: each reminder recorded once, each manager one digest naming all reports.
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, notifications, users } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/manage-users.ts';
import { systemActor } from '../../../src/lib/auth/permissions.ts';
import type { Db } from '../../../src/lib/db/client.ts';
import { newId } from '../../../src/lib/ids.ts';
import { decideDue } from '../../../src/lib/notify/decide-due.ts';
import { tempDb } from '../../support/db.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 4, 6, 9); // a Wednesday
let t: Awaited<ReturnType<typeof tempDb>>;
let db: Db;
const managers: string[] = [];
const reports = new Map<string, string[]>();

beforeAll(async () => {
  t = await tempDb();
  db = t.db;
  const add = async (name: string) => createUser(db, { user: { email: `${newId(6)}@decide.example`, name, role: 'employee' }, password: `pw-${newId(16)}`, actor: systemActor });
  for (let m = 0; m < 4; m++) {
    const id = await add(`Manager ${m}`);
    managers.push(id);
    reports.set(id, []);
    for (let r = 0; r < 5; r++) {
      const rid = await add(`Report ${m}.${r}`);
      await db.update(users).set({ managerId: id }).where(eq(users.id, rid));
      reports.get(id)!.push(rid);
      // two courses each: one 10 days overdue, one due in 2 days
      await db.insert(assignments).values([
        { id: newId(), userId: rid, courseSlug: 'confidentiality', dueAt: NOW - 10 * DAY, createdAt: NOW - 60 * DAY },
        { id: newId(), userId: rid, courseSlug: 'emergency-response', dueAt: NOW + 2 * DAY, createdAt: NOW - 60 * DAY },
      ]);
    }
  }
  // a deactivated report is left out of everything
  const gone = reports.get(managers[0]!)![4]!;
  await db.update(users).set({ active: false }).where(eq(users.id, gone));
});
afterAll(() => t.close());

describe('deciding what is due, page by page', () => {
  it('records each report’s reminders once and one digest per manager naming all their active overdue reports', async () => {
    const first = await decideDue(db, { now: NOW, pageSize: 3 });
    // 19 active reports × (overdue + due in 3 days) + 4 manager digests
    expect(first.queued).toBe(19 * 2 + 4);
    const digests = await db.select().from(notifications).where(like(notifications.dedupKey, 'team-overdue:%'));
    expect(digests.map((d) => d.userId).sort()).toEqual([...managers].sort());
    for (const d of digests) {
      const list = JSON.parse(d.params).list as { person: string; days: number }[];
      const m = managers.indexOf(d.userId);
      expect(list.map((l) => l.person).sort()).toEqual(Array.from({ length: m === 0 ? 4 : 5 }, (_, r) => `Report ${m}.${r}`));
      expect(list.every((l) => l.days === 10)).toBe(true);
    }
    // again, at the same time and with other page sizes: nothing new
    expect((await decideDue(db, { now: NOW, pageSize: 1 })).queued).toBe(0);
    expect((await decideDue(db, { now: NOW + 3600_000, pageSize: 1000 })).queued).toBe(0);
    // next week: a new overdue reminder each and a new digest each; the due-soon ones are overdue now
    const next = await decideDue(db, { now: NOW + 7 * DAY, pageSize: 2 });
    expect(next.queued).toBe(19 + 19 + 4);
  });
});
