import { describe, expect, it } from 'vitest';
import { addMonths, byUrgency, courseStatus, DUE_SOON_DAYS, expiryFor, needsAttention, RECERTIFICATION_GRACE_DAYS, RECERTIFICATION_GRACE_MS, type StatusInput } from '../../../src/lib/training/course-status.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 5, 15, 12);
const base: StatusInput = { assignment: null, latestCompletion: null, lessonsRead: 0, attempts: 0, now };
const status = (o: Partial<StatusInput>) => courseStatus({ ...base, ...o });

describe('course status', () => {
  it('is not_assigned when nothing is assigned or started', () => {
    expect(status({})).toEqual({ status: 'not_assigned', dueAt: null, completedAt: null, expiresAt: null });
  });

  it('is in_progress for an unassigned course once a lesson is read', () => {
    expect(status({ lessonsRead: 1 }).status).toBe('in_progress');
  });

  it('is assigned with its due date before anything is done', () => {
    expect(status({ assignment: { dueAt: now + 5 * DAY } })).toMatchObject({ status: 'assigned', dueAt: now + 5 * DAY });
  });

  it('is in_progress once a lesson is read or an attempt made', () => {
    expect(status({ assignment: { dueAt: now + DAY }, lessonsRead: 2 }).status).toBe('in_progress');
    expect(status({ assignment: { dueAt: now + DAY }, attempts: 1 }).status).toBe('in_progress');
  });

  it('is overdue once the due date has passed without a completion, started or not', () => {
    expect(status({ assignment: { dueAt: now - 1 } }).status).toBe('overdue');
    expect(status({ assignment: { dueAt: now - 1 }, lessonsRead: 3, attempts: 2 }).status).toBe('overdue');
    expect(status({ assignment: { dueAt: now } }).status).toBe('assigned');
  });

  it('is completed while the latest completion has not expired, even if the due date passed', () => {
    const done = { completedAt: now - 10 * DAY, expiresAt: now + DAY };
    expect(status({ assignment: { dueAt: now - 20 * DAY }, latestCompletion: done })).toEqual({ status: 'completed', dueAt: now - 20 * DAY, completedAt: done.completedAt, expiresAt: done.expiresAt });
    expect(status({ latestCompletion: { completedAt: now - 1000 * DAY, expiresAt: null } }).status).toBe('completed');
  });

  it('is expired once the completion expires, due again after a grace period', () => {
    const done = { completedAt: now - 400 * DAY, expiresAt: now - DAY };
    const s = status({ assignment: { dueAt: now - 500 * DAY }, latestCompletion: done });
    expect(s).toEqual({ status: 'expired', dueAt: done.expiresAt + RECERTIFICATION_GRACE_MS, completedAt: done.completedAt, expiresAt: done.expiresAt });
    expect(RECERTIFICATION_GRACE_DAYS).toBe(30);
    expect(status({ latestCompletion: { completedAt: now - 400 * DAY, expiresAt: now } }).status).toBe('expired');
  });

  it('is overdue for an assigned person when the grace period after expiry has also passed', () => {
    const done = { completedAt: now - 500 * DAY, expiresAt: now - RECERTIFICATION_GRACE_MS - 1 };
    expect(status({ assignment: { dueAt: now - 600 * DAY }, latestCompletion: done }).status).toBe('overdue');
    // without an assignment nobody is chasing it: it stays expired
    expect(status({ latestCompletion: done }).status).toBe('expired');
  });
});

describe('expiry', () => {
  it('is completion plus the recertification months, or never for 0', () => {
    expect(expiryFor(Date.UTC(2026, 0, 10), 12)).toBe(Date.UTC(2027, 0, 10));
    expect(expiryFor(Date.UTC(2026, 0, 10), 0)).toBeNull();
  });
  it('clamps to the end of a shorter month', () => {
    expect(addMonths(Date.UTC(2026, 0, 31, 9), 1)).toBe(Date.UTC(2026, 1, 28, 9));
    expect(addMonths(Date.UTC(2028, 1, 29), 12)).toBe(Date.UTC(2029, 1, 28));
    expect(addMonths(Date.UTC(2026, 10, 30), 3)).toBe(Date.UTC(2027, 1, 28));
  });
});

describe('needing attention on the home page', () => {
  const at = (o: Partial<StatusInput>) => needsAttention(status(o), now);
  it(`includes overdue, expired and training due within ${DUE_SOON_DAYS} days only`, () => {
    expect(at({ assignment: { dueAt: now - DAY } })).toBe(true);
    expect(at({ latestCompletion: { completedAt: now - 400 * DAY, expiresAt: now - DAY } })).toBe(true);
    expect(at({ assignment: { dueAt: now + DUE_SOON_DAYS * DAY } })).toBe(true);
    expect(at({ assignment: { dueAt: now + DUE_SOON_DAYS * DAY + 1 } })).toBe(false);
    expect(at({ assignment: { dueAt: now + DAY }, latestCompletion: { completedAt: now, expiresAt: null } })).toBe(false);
    expect(at({})).toBe(false);
  });
});

describe('ordering courses by urgency', () => {
  it('puts overdue first, then expired, then open by due date, then completed, then optional', () => {
    const list = [
      { name: 'optional', ...status({}) },
      { name: 'completed', ...status({ latestCompletion: { completedAt: now, expiresAt: null } }) },
      { name: 'later', ...status({ assignment: { dueAt: now + 9 * DAY } }) },
      { name: 'sooner', ...status({ assignment: { dueAt: now + 2 * DAY }, lessonsRead: 1 }) },
      { name: 'expired', ...status({ latestCompletion: { completedAt: now - 400 * DAY, expiresAt: now - DAY } }) },
      { name: 'overdue', ...status({ assignment: { dueAt: now - DAY } }) },
    ];
    expect(list.sort(byUrgency).map((c) => c.name)).toEqual(['overdue', 'expired', 'sooner', 'later', 'completed', 'optional']);
  });
});
