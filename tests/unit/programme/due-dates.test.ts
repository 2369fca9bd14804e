import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, dueDatesToOpen, isLeapYear, isOverdue, nextOccurrenceAfter, occurrenceDue, openAt, parseDay } from '../../../src/lib/programme/due-dates.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('calendar facts', () => {
  it('knows the Gregorian leap years, centuries included', () => {
    expect([2024, 2028, 2000, 2400].map(isLeapYear)).toEqual([true, true, true, true]);
    expect([2025, 2026, 1900, 2100].map(isLeapYear)).toEqual([false, false, false, false]);
    expect(daysInMonth(2024, 1)).toBe(29);
    expect(daysInMonth(2026, 1)).toBe(28);
    expect(daysInMonth(2026, 3)).toBe(30);
    expect(daysInMonth(2026, 11)).toBe(31);
  });
  it('parses only real days', () => {
    expect(parseDay('2028-02-29')).toBe(at('2028-02-29T00:00:00Z'));
    expect(parseDay('2027-02-29')).toBeNull();
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseDay('2026-4-01')).toBeNull();
    expect(parseDay('2026-04-31')).toBeNull();
  });
});

describe('adding months', () => {
  it('keeps the day and the time of day when the month has it', () => {
    expect(iso(addMonths(at('2026-01-15T09:30:00Z'), 3))).toBe('2026-04-15T09:30:00.000Z');
    expect(iso(addMonths(at('2026-11-10T00:00:00Z'), 3))).toBe('2027-02-10T00:00:00.000Z');
  });
  it('falls back to the last day of a shorter month', () => {
    expect(iso(addMonths(at('2026-01-31T12:00:00Z'), 1))).toBe('2026-02-28T12:00:00.000Z');
    expect(iso(addMonths(at('2028-01-31T12:00:00Z'), 1))).toBe('2028-02-29T12:00:00.000Z');
    expect(iso(addMonths(at('2026-03-31T00:00:00Z'), 1))).toBe('2026-04-30T00:00:00.000Z');
    expect(iso(addMonths(at('2026-08-31T00:00:00Z'), 6))).toBe('2027-02-28T00:00:00.000Z');
  });
  it('takes 29 February to 28 February in a common year and back to 29 in the next leap year', () => {
    expect(iso(addMonths(at('2028-02-29T08:00:00Z'), 12))).toBe('2029-02-28T08:00:00.000Z');
    expect(iso(addMonths(at('2028-02-29T08:00:00Z'), 48))).toBe('2032-02-29T08:00:00.000Z');
  });
  it('counts every date from the first, so a short month never pulls later ones earlier', () => {
    const s = { firstDueAt: at('2026-01-31T00:00:00Z'), everyMonths: 1 };
    expect([0, 1, 2, 3, 12, 13].map((k) => iso(occurrenceDue(s, k)).slice(0, 10))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2027-01-31', '2027-02-28']);
    const quarterly = { firstDueAt: at('2027-11-30T00:00:00Z'), everyMonths: 3 };
    expect([0, 1, 2, 3].map((k) => iso(occurrenceDue(quarterly, k)).slice(0, 10))).toEqual(['2027-11-30', '2028-02-29', '2028-05-30', '2028-08-30']);
  });
});

describe('the next occurrence', () => {
  const s = { firstDueAt: at('2026-03-31T09:00:00Z'), everyMonths: 6 };
  it('is the first due date when nothing was opened yet, even if that is in the past', () => {
    expect(iso(nextOccurrenceAfter(s, null))).toBe('2026-03-31T09:00:00.000Z');
  });
  it('is the one strictly after the date given', () => {
    expect(iso(nextOccurrenceAfter(s, at('2026-03-31T09:00:00Z')))).toBe('2026-09-30T09:00:00.000Z');
    expect(iso(nextOccurrenceAfter(s, at('2026-09-30T08:59:59Z')))).toBe('2026-09-30T09:00:00.000Z');
    expect(iso(nextOccurrenceAfter(s, at('2030-01-01T00:00:00Z')))).toBe('2030-03-31T09:00:00.000Z');
  });
});

describe('which drafts to open', () => {
  const s = { firstDueAt: at('2026-07-01T00:00:00Z'), everyMonths: 3, leadDays: 14 };
  it('opens a draft 14 days ahead of the due date, not a moment earlier', () => {
    expect(iso(openAt(s.firstDueAt, 14))).toBe('2026-06-17T00:00:00.000Z');
    expect(dueDatesToOpen(s, null, at('2026-06-16T23:59:59Z'))).toEqual([]);
    expect(dueDatesToOpen(s, null, at('2026-06-17T00:00:00Z'))).toEqual([s.firstDueAt]);
  });
  it('does not open the same due date again once it is opened', () => {
    expect(dueDatesToOpen(s, s.firstDueAt, at('2026-07-20T00:00:00Z'))).toEqual([]);
    expect(dueDatesToOpen(s, s.firstDueAt, at('2026-09-17T00:00:00Z')).map(iso)).toEqual(['2026-10-01T00:00:00.000Z']);
  });
  it('opens every missed due date in order when the scheduler was down', () => {
    expect(dueDatesToOpen(s, null, at('2027-01-01T00:00:00Z')).map((d) => iso(d).slice(0, 10))).toEqual(['2026-07-01', '2026-10-01', '2027-01-01']);
  });
  it('calls an audit overdue only after its due date and only while unsigned', () => {
    expect(isOverdue(s.firstDueAt, null, s.firstDueAt)).toBe(false);
    expect(isOverdue(s.firstDueAt, null, s.firstDueAt + 1)).toBe(true);
    expect(isOverdue(s.firstDueAt, s.firstDueAt + 5, s.firstDueAt + 10)).toBe(false);
  });
});
