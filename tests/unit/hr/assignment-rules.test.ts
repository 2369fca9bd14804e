import { describe, expect, it } from 'vitest';
import { assignmentInputSchema, parseDueDate, splitEmails } from '../../../src/lib/training/assignment-input.ts';
import { cellTone, percent, statusGroup } from '../../../src/lib/training/hr-status-groups.ts';
import { mergeAssignment } from '../../../src/lib/training/merge-assignment.ts';

const DAY = 24 * 60 * 60 * 1000;
const t0 = Date.UTC(2026, 2, 1);

describe('assigning a course again', () => {
  it('creates an assignment with the course recurrence when none is given', () => {
    expect(mergeAssignment(null, { dueAt: t0 }, 12)).toEqual({ outcome: 'created', terms: { dueAt: t0, recurMonths: 12 } });
    expect(mergeAssignment(null, { dueAt: t0, recurMonths: 0 }, 12).terms.recurMonths).toBe(0);
  });
  it('moves the due date when the new one is later', () => {
    expect(mergeAssignment({ dueAt: t0, recurMonths: 12 }, { dueAt: t0 + DAY }, 12)).toEqual({ outcome: 'moved', terms: { dueAt: t0 + DAY, recurMonths: 12 } });
  });
  it('never pulls a due date forward, so re-assigning cannot take time away', () => {
    expect(mergeAssignment({ dueAt: t0, recurMonths: 12 }, { dueAt: t0 - DAY }, 12)).toEqual({ outcome: 'unchanged', terms: { dueAt: t0, recurMonths: 12 } });
  });
  it('is unchanged by the same terms, and only updates the recurrence when a different one is given', () => {
    expect(mergeAssignment({ dueAt: t0, recurMonths: 12 }, { dueAt: t0 }, 24).outcome).toBe('unchanged');
    expect(mergeAssignment({ dueAt: t0, recurMonths: 12 }, { dueAt: t0, recurMonths: 6 }, 12)).toEqual({ outcome: 'updated', terms: { dueAt: t0, recurMonths: 6 } });
    expect(mergeAssignment({ dueAt: t0, recurMonths: 12 }, { dueAt: t0 - DAY, recurMonths: 6 }, 12).terms).toEqual({ dueAt: t0, recurMonths: 6 });
  });
});

describe('due dates in an assignment', () => {
  it('reads a calendar day as the end of that day in UTC', () => {
    expect(parseDueDate('2026-03-31')).toBe(Date.UTC(2026, 3, 1) - 1);
  });
  it('accepts milliseconds and ISO date-times, and refuses impossible days and other text', () => {
    expect(parseDueDate(t0)).toBe(t0);
    expect(parseDueDate('2026-03-01T08:00:00+08:00')).toBe(t0);
    expect(parseDueDate('2026-02-31')).toBeNull();
    expect(parseDueDate('next friday')).toBeNull();
    expect(parseDueDate(-5)).toBeNull();
    expect(parseDueDate(1.5)).toBeNull();
  });
  it('needs exactly one target among all, department and emails', () => {
    const base = { course: 'confidentiality', dueAt: '2030-01-31' };
    expect(assignmentInputSchema.safeParse({ ...base, all: true }).success).toBe(true);
    expect(assignmentInputSchema.safeParse({ ...base, department: 'Tax' }).success).toBe(true);
    expect(assignmentInputSchema.safeParse({ ...base, emails: ['A@Example.com'] }).data?.emails).toEqual(['a@example.com']);
    expect(assignmentInputSchema.safeParse(base).success).toBe(false);
    expect(assignmentInputSchema.safeParse({ ...base, all: true, department: 'Tax' }).success).toBe(false);
    expect(assignmentInputSchema.safeParse({ ...base, all: true, recurMonths: -1 }).success).toBe(false);
    expect(assignmentInputSchema.safeParse({ ...base, all: true, dueAt: 'soon' }).success).toBe(false);
  });
  it('splits a pasted list of emails', () => {
    expect(splitEmails(' a@x.com, B@x.com;\nc@x.com  a@x.com\n')).toEqual(['a@x.com', 'b@x.com', 'c@x.com']);
  });
});

describe('how the dashboard reads statuses', () => {
  it('groups statuses into completed, due and overdue', () => {
    expect(statusGroup('completed')).toBe('completed');
    expect(statusGroup('overdue')).toBe('overdue');
    expect(['assigned', 'in_progress', 'expired'].map((s) => statusGroup(s as 'assigned'))).toEqual(['due', 'due', 'due']);
    expect(statusGroup('not_assigned')).toBeNull();
  });
  it('colours a cell red from a tenth overdue, green from 90% done with nobody late, amber between', () => {
    expect(cellTone({ total: 0, completed: 0, due: 0, overdue: 0 })).toBe('empty');
    expect(cellTone({ total: 10, completed: 9, due: 0, overdue: 1 })).toBe('bad');
    expect(cellTone({ total: 20, completed: 18, due: 1, overdue: 1 })).toBe('warn');
    expect(cellTone({ total: 10, completed: 9, due: 1, overdue: 0 })).toBe('good');
    expect(cellTone({ total: 10, completed: 8, due: 2, overdue: 0 })).toBe('warn');
  });
  it('rounds percentages and never divides by zero', () => {
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBe(0);
  });
});
