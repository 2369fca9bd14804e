import { describe, expect, it } from 'vitest';
import { auditClosure, daysOverdue, isOverdue } from '../../../src/lib/audit/action-overdue.ts';
import { ACTION_STATUSES } from '../../../src/lib/audit/action-transitions.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 5, 15, 12);

describe('overdue actions', () => {
  it('is overdue only past its due time while its owner still has work to do', () => {
    const late = now - 1;
    expect(ACTION_STATUSES.filter((status) => isOverdue({ status, dueAt: late }, now))).toEqual(['open', 'in_progress']);
    expect(isOverdue({ status: 'open', dueAt: now }, now)).toBe(false); // due this very instant is not yet late
    expect(isOverdue({ status: 'open', dueAt: now + DAY }, now)).toBe(false);
  });

  it('counts late days rounding up, so a few hours late is one day', () => {
    expect(daysOverdue({ status: 'open', dueAt: now - 3 * 60 * 60 * 1000 }, now)).toBe(1);
    expect(daysOverdue({ status: 'in_progress', dueAt: now - 3 * DAY }, now)).toBe(3);
    expect(daysOverdue({ status: 'in_progress', dueAt: now - 3 * DAY - 1 }, now)).toBe(4);
    expect(daysOverdue({ status: 'resolved', dueAt: now - 30 * DAY }, now)).toBe(0);
    expect(daysOverdue({ status: 'open', dueAt: now + DAY }, now)).toBe(0);
  });
});

describe('an audit is closed', () => {
  it('when it is signed and every one of its actions is verified', () => {
    expect(auditClosure('signed', ['verified', 'verified']).closed).toBe(true);
    expect(auditClosure('signed', ['verified', 'resolved']).closed).toBe(false);
    expect(auditClosure('signed', ['open']).closed).toBe(false);
  });
  it('at once when signed without findings, never while a draft', () => {
    expect(auditClosure('signed', []).closed).toBe(true);
    expect(auditClosure('draft', []).closed).toBe(false);
  });
  it('counts the actions in each status', () => {
    expect(auditClosure('signed', ['open', 'open', 'in_progress', 'verified'])).toEqual({ total: 4, verified: 1, closed: false, byStatus: { open: 2, in_progress: 1, resolved: 0, verified: 1 } });
  });
});
