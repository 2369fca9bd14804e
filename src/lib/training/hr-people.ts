import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import type { HrFilters } from './hr-filters.ts';
import { statusCondition, statusRowsSql, type StatusRow } from './hr-status-sql.ts';

export type ListHrPeopleOptions = {
  actor: Pick<Actor, 'role'>;
  db: Db;
  filters: HrFilters;
  now?: number;
  limit?: number;
  offset?: number;
};

export type HrPeoplePage = { rows: StatusRow[]; total: number };

export const HR_PAGE_SIZE = 100;

/**
 * One page of status rows from `source` (a subquery or CTE name) matching a status filter, the longest
 * due first (so overdue reads oldest first); count(*) OVER () carries the total in the same pass.
 */
export function peoplePageSql(o: { source: SQL; status: HrFilters['status']; now: number; limit: number; offset?: number }): SQL {
  return sql`SELECT s.*, count(*) OVER () AS "total" FROM ${o.source} s
    WHERE ${statusCondition(o.status, o.now)}
    ORDER BY s."dueAt" ASC, s."name" ASC, s."userId" ASC, s."course" ASC
    LIMIT ${o.limit} OFFSET ${o.offset ?? 0}`;
}

/** Splits the window total off the rows of a `peoplePageSql` result. */
export function toPeoplePage(rows: (StatusRow & { total: number })[]): HrPeoplePage {
  return { rows: rows.map(({ total: _, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** People and courses matching the filters, the longest-due first (overdue: oldest first), with the total count. */
export async function listHrPeople(o: ListHrPeopleOptions): Promise<HrPeoplePage> {
  assertCan(o.actor, 'hr.view');
  const now = o.now ?? Date.now();
  const limit = Math.min(Math.max(o.limit ?? HR_PAGE_SIZE, 1), 1000);
  const offset = Math.max(o.offset ?? 0, 0);
  const source = sql`(${statusRowsSql({ now, filters: o.filters })})`;
  const page = toPeoplePage(await o.db.all<StatusRow & { total: number }>(peoplePageSql({ source, status: o.filters.status, now, limit, offset })));
  // past the last page the window has no row to ride on, so count separately
  if (page.rows.length === 0 && offset > 0) {
    const [row] = await o.db.all<{ n: number }>(sql`SELECT count(*) AS "n" FROM ${source} s WHERE ${statusCondition(o.filters.status, now)}`);
    page.total = row?.n ?? 0;
  }
  return page;
}
