import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { HrFilters } from './hr-filters.ts';
import { statusCondition, statusRowsSql, type StatusRow } from './hr-status-sql.ts';

export type ListHrPeopleOptions = {
  db: Db;
  filters: HrFilters;
  now?: number;
  limit?: number;
  offset?: number;
};

export type HrPeoplePage = { rows: StatusRow[]; total: number };

export const HR_PAGE_SIZE = 100;

/** People and courses matching the filters, the longest-due first (overdue: oldest first), with the total count. */
export async function listHrPeople(o: ListHrPeopleOptions): Promise<HrPeoplePage> {
  const now = o.now ?? Date.now();
  const limit = Math.min(Math.max(o.limit ?? HR_PAGE_SIZE, 1), 1000);
  const offset = Math.max(o.offset ?? 0, 0);
  // count(*) OVER () gives the total in the same pass as the page
  const rows = await o.db.all<StatusRow & { total: number }>(sql`
    SELECT s.*, count(*) OVER () AS "total"
    FROM (${statusRowsSql({ now, filters: o.filters })}) s
    WHERE ${statusCondition(o.filters.status, now)}
    ORDER BY s."dueAt" ASC, s."name" ASC, s."userId" ASC, s."course" ASC
    LIMIT ${limit} OFFSET ${offset}`);
  const total = rows[0]?.total ?? (offset > 0 ? await countHrPeople(o.db, o.filters, now) : 0);
  return { rows: rows.map(({ total: _, ...r }) => r), total };
}

/** How many people and courses match the filters (for a page past the end). */
async function countHrPeople(db: Db, filters: HrFilters, now: number): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS "n" FROM (${statusRowsSql({ now, filters })}) s WHERE ${statusCondition(filters.status, now)}`);
  return row?.n ?? 0;
}
