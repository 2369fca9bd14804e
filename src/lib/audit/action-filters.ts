// The filters and sort order of the actions list, from a query string: the same for the page,
// the JSON list and the CSV export. Pure. The API is strict (a bad value is a 400); the page
// drops what it does not understand.
import { badRequest } from '../errors.ts';
import { ACTION_STATUSES, isActionStatus, type ActionStatus } from './action-transitions.ts';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type SeverityValue = (typeof SEVERITIES)[number];
export const SORT_KEYS = ['due', 'severity', 'status', 'owner', 'audit', 'title', 'created', 'updated'] as const;
export type ActionSort = (typeof SORT_KEYS)[number];

export type ActionFilters = {
  status: ActionStatus[];
  severity: SeverityValue[];
  /** A user id or email; 'none' for unassigned actions. Ignored for people who see only their own. */
  owner?: string;
  auditId?: string;
  overdue: boolean;
  sort: ActionSort;
  dir: 'asc' | 'desc';
};

export const DEFAULT_FILTERS: ActionFilters = { status: [], severity: [], overdue: false, sort: 'due', dir: 'asc' };

function values(params: URLSearchParams, name: string): string[] {
  return params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function oneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Reads filters from a query string; `strict` refuses unknown values with 400 instead of ignoring them. */
export function parseActionFilters(params: URLSearchParams, o: { strict: boolean }): ActionFilters {
  const problems: string[] = [];
  const pick = <T extends string>(name: string, list: readonly T[], guard: (v: string) => v is T): T[] => {
    const all = values(params, name);
    for (const v of all) if (!guard(v)) problems.push(`${name}: "${v.slice(0, 40)}" is not one of ${list.join(', ')}`);
    return [...new Set(all.filter(guard))];
  };
  const status = pick('status', ACTION_STATUSES, isActionStatus);
  const severity = pick('severity', SEVERITIES, (v): v is SeverityValue => oneOf(SEVERITIES, v));
  const sortValue = params.get('sort') ?? 'due';
  if (!oneOf(SORT_KEYS, sortValue)) problems.push(`sort: use one of ${SORT_KEYS.join(', ')}`);
  const dirValue = params.get('dir') ?? 'asc';
  if (dirValue !== 'asc' && dirValue !== 'desc') problems.push('dir: use asc or desc');
  const overdueValue = params.get('overdue') ?? '';
  if (!['', '0', '1', 'true', 'false', 'on'].includes(overdueValue)) problems.push('overdue: use 1 or 0');
  const owner = params.get('owner')?.trim().slice(0, 254) || undefined;
  const auditId = params.get('audit')?.trim().slice(0, 100) || undefined;
  if (o.strict && problems.length > 0) throw badRequest('Unknown filter values', problems).as('error.unknownFilter');
  return {
    status,
    severity,
    owner,
    auditId,
    overdue: ['1', 'true', 'on'].includes(overdueValue),
    sort: oneOf(SORT_KEYS, sortValue) ? sortValue : 'due',
    dir: dirValue === 'desc' ? 'desc' : 'asc',
  };
}

/** The query string of a set of filters (only what differs from the defaults), for links and the CSV export. */
export function filtersToQuery(f: ActionFilters, change: Partial<ActionFilters> = {}): string {
  const next = { ...f, ...change };
  const q = new URLSearchParams();
  if (next.status.length) q.set('status', next.status.join(','));
  if (next.severity.length) q.set('severity', next.severity.join(','));
  if (next.owner) q.set('owner', next.owner);
  if (next.auditId) q.set('audit', next.auditId);
  if (next.overdue) q.set('overdue', '1');
  if (next.sort !== DEFAULT_FILTERS.sort) q.set('sort', next.sort);
  if (next.dir !== DEFAULT_FILTERS.dir) q.set('dir', next.dir);
  const s = q.toString();
  return s ? `?${s}` : '';
}
