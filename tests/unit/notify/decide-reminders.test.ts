// The reminder rules of issue 12, with expected answers worked out from the text.
import { describe, expect, it } from 'vitest';
import { decideActionReminders, decideAssignmentReminders, decideManagerDigest, escalatesToManager, type AssignmentRow } from '../../../src/lib/notify/decide-reminders.ts';
import { deliverAfter, weekNumber } from '../../../src/lib/notify/periods.ts';

const DAY = 24 * 60 * 60 * 1000;
// Monday 2 March 2026, 09:00 UTC
const MON = Date.UTC(2026, 2, 2, 9);
const due = MON + 30 * DAY;

const row = (o: Partial<AssignmentRow> = {}): AssignmentRow => ({
  id: 'as1',
  userId: 'u1',
  managerId: 'm1',
  personName: 'Pat',
  courseSlug: 'confidentiality',
  dueAt: due,
  createdAt: MON,
  completedAt: null,
  expiresAt: null,
  ...o,
});
const kinds = (a: AssignmentRow, now: number) => decideAssignmentReminders(a, now).map((r) => `${r.kind}→${r.to}`);

describe('training reminders', () => {
  it('says nothing while the due date is more than 14 days away', () => {
    expect(kinds(row(), due - 15 * DAY)).toEqual([]);
  });

  it('reminds 14 days before, then 3 days before, each with its own key', () => {
    const r14 = decideAssignmentReminders(row(), due - 14 * DAY);
    expect(r14.map((r) => r.kind)).toEqual(['training.due14']);
    expect(r14[0]!.dedupKey).toBe(`due14:as1:${due}`);
    expect(r14[0]!.link).toBe('/training/confidentiality');
    expect(r14[0]!.mandatory).toBe(true);
    // still inside the 14-day window four days later: the same key, so recording it again is harmless
    expect(decideAssignmentReminders(row(), due - 10 * DAY)[0]!.dedupKey).toBe(`due14:as1:${due}`);
    const r3 = decideAssignmentReminders(row(), due - 2 * DAY);
    expect(r3.map((r) => r.dedupKey)).toEqual([`due3:as1:${due}`]);
  });

  it('sends no 14-day reminder when the course was assigned later than 14 days before its due date', () => {
    const late = row({ createdAt: due - 10 * DAY });
    expect(kinds(late, due - 9 * DAY)).toEqual([]);
    expect(kinds(late, due - 3 * DAY)).toEqual(['training.due3→u1']);
  });

  it('nothing when the course is completed', () => {
    expect(kinds(row({ completedAt: MON + DAY, expiresAt: MON + 400 * DAY }), due + DAY)).toEqual([]);
  });

  it('overdue: on the first day, then once a week counted from the due date; never to the manager', () => {
    const first = decideAssignmentReminders(row(), due + 1000);
    expect(first.map((r) => [r.kind, r.to, r.dedupKey])).toEqual([['training.overdue', 'u1', `overdue:as1:${due}:0`]]);
    expect(first[0]!.params.days).toBe(1);
    expect(decideAssignmentReminders(row(), due + 6 * DAY)[0]!.dedupKey).toBe(`overdue:as1:${due}:0`);
    expect(decideAssignmentReminders(row(), due + 7 * DAY)[0]!.dedupKey).toBe(`overdue:as1:${due}:1`);
    expect(decideAssignmentReminders(row(), due + 15 * DAY)[0]!.dedupKey).toBe(`overdue:as1:${due}:2`);
  });

  it('a completion expiring within 30 days warns the employee; expired tells the employee and the manager', () => {
    const expiresAt = MON + 365 * DAY;
    const done = row({ completedAt: MON, expiresAt });
    expect(kinds(done, expiresAt - 31 * DAY)).toEqual([]);
    const warn = decideAssignmentReminders(done, expiresAt - 30 * DAY);
    expect(warn.map((r) => [r.kind, r.dedupKey])).toEqual([['training.expiring', `expiring:as1:${expiresAt}`]]);
    expect(kinds(done, expiresAt + DAY)).toEqual(['training.expired→u1', 'training.reportExpired→m1']);
    expect(kinds(row({ completedAt: MON, expiresAt, managerId: null }), expiresAt + DAY)).toEqual(['training.expired→u1']);
    // after the 30-day grace the renewal is overdue: weekly reminders, counted from the end of the grace
    const after = decideAssignmentReminders(done, expiresAt + 31 * DAY);
    expect(after.map((r) => r.kind)).toEqual(['training.overdue']);
    expect(after[0]!.dedupKey).toBe(`overdue:as1:${expiresAt + 30 * DAY}:0`);
  });
});

describe('the managers’ weekly digest', () => {
  it('counts a report from 7 days overdue', () => {
    expect(escalatesToManager(row(), due + 6 * DAY + 23 * 3600 * 1000)).toBeNull();
    expect(escalatesToManager(row(), due + 7 * DAY)).toEqual({ dueAt: due, days: 7 });
    expect(escalatesToManager(row({ completedAt: MON, expiresAt: null }), due + 9 * DAY)).toBeNull();
  });

  it('is one mail per manager per calendar week, listing every report, most overdue first', () => {
    const now = MON + 2 * DAY; // a Wednesday
    const d = decideManagerDigest('m1', [
      { person: 'Bo', courseSlug: 'confidentiality', dueAt: 1, days: 8 },
      { person: 'Al', courseSlug: 'retention-and-destruction', dueAt: 2, days: 20 },
    ], now)!;
    expect(d.to).toBe('m1');
    expect(d.kind).toBe('team.overdue');
    expect(d.link).toBe('/team');
    expect((d.params.list as { person: string }[]).map((p) => p.person)).toEqual(['Al', 'Bo']);
    // the same week (Monday to Sunday) gives the same key; the next Monday a new one
    const sunday = Date.UTC(2026, 2, 8, 23, 59);
    expect(decideManagerDigest('m1', [{ person: 'Bo', courseSlug: 'x', dueAt: 1, days: 9 }], sunday)!.dedupKey).toBe(d.dedupKey);
    expect(decideManagerDigest('m1', [{ person: 'Bo', courseSlug: 'x', dueAt: 1, days: 9 }], Date.UTC(2026, 2, 9))!.dedupKey).not.toBe(d.dedupKey);
    expect(decideManagerDigest('m1', [], now)).toBeNull();
  });

  it('weeks start on Monday 00:00 UTC', () => {
    expect(weekNumber(Date.UTC(2026, 2, 2))).toBe(weekNumber(Date.UTC(2026, 2, 8, 23, 59, 59)));
    expect(weekNumber(Date.UTC(2026, 2, 9))).toBe(weekNumber(Date.UTC(2026, 2, 2)) + 1);
    expect(weekNumber(Date.UTC(2026, 2, 1, 23))).toBe(weekNumber(Date.UTC(2026, 2, 2)) - 1);
  });
});

describe('corrective action reminders', () => {
  const action = { id: 'ca1', title: 'Fix the lock', ownerId: 'o1', status: 'open', dueAt: due };
  it('reminds the owner 3 days before and weekly once overdue, only while the action is open', () => {
    expect(decideActionReminders(action, due - 4 * DAY)).toEqual([]);
    expect(decideActionReminders(action, due - 3 * DAY).map((r) => [r.kind, r.to, r.link])).toEqual([['action.due3', 'o1', '/actions/ca1']]);
    expect(decideActionReminders(action, due + 1).map((r) => r.dedupKey)).toEqual([`action-overdue:ca1:o1:${due}:0`]);
    expect(decideActionReminders(action, due + 7 * DAY).map((r) => r.dedupKey)).toEqual([`action-overdue:ca1:o1:${due}:1`]);
    expect(decideActionReminders({ ...action, status: 'resolved' }, due + DAY)).toEqual([]);
    expect(decideActionReminders({ ...action, ownerId: null }, due + DAY)).toEqual([]);
  });
});

describe('the daily digest', () => {
  it('holds a notification until the next 06:00 UTC; immediate ones go at once', () => {
    expect(deliverAfter('immediate', MON)).toBe(MON);
    expect(deliverAfter('daily', Date.UTC(2026, 2, 2, 9))).toBe(Date.UTC(2026, 2, 3, 6));
    expect(deliverAfter('daily', Date.UTC(2026, 2, 2, 5, 59))).toBe(Date.UTC(2026, 2, 2, 6));
    expect(deliverAfter('daily', Date.UTC(2026, 2, 2, 6))).toBe(Date.UTC(2026, 2, 2, 6));
  });
});
