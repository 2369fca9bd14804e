import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filtersToQuery, parseActionFilters } from '../../../src/lib/audit/action-filters.ts';

const q = (s: string) => new URLSearchParams(s);

describe('action list filters', () => {
  it('reads statuses and severities as lists, and the rest as given', () => {
    const f = parseActionFilters(q('status=open,in_progress&severity=high&severity=critical&owner=a@b.c&audit=x1&overdue=1&sort=severity&dir=desc'), { strict: true });
    expect(f).toEqual({ status: ['open', 'in_progress'], severity: ['high', 'critical'], owner: 'a@b.c', auditId: 'x1', overdue: true, sort: 'severity', dir: 'desc' });
  });
  it('refuses unknown values on the API and ignores them on the page', () => {
    expect(() => parseActionFilters(q('status=closed'), { strict: true })).toThrow(/Unknown filter/);
    expect(() => parseActionFilters(q('sort=secret'), { strict: true })).toThrow();
    expect(parseActionFilters(q('status=closed&sort=secret&dir=sideways&overdue=maybe'), { strict: false })).toEqual(DEFAULT_FILTERS);
  });
  it('writes back a query string that reads as the same filters', () => {
    const f = parseActionFilters(q('status=resolved&owner=none&overdue=1&sort=owner&dir=desc'), { strict: true });
    expect(parseActionFilters(q(filtersToQuery(f).slice(1)), { strict: true })).toEqual(f);
    expect(filtersToQuery(DEFAULT_FILTERS)).toBe('');
    expect(filtersToQuery(f, { status: [], overdue: false })).toBe('?owner=none&sort=owner&dir=desc');
  });
});
