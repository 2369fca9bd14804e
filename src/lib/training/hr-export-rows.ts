import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { HrFilters } from './hr-filters.ts';
import { statusCondition, statusRowsSql, type StatusRow } from './hr-status-sql.ts';

/** The export's columns, in order (DESIGN: GET /api/hr/completions). */
export const exportColumns = ['email', 'name', 'department', 'course', 'status', 'dueAt', 'completedAt', 'score', 'expiresAt'] as const;

export type ExportRow = Pick<StatusRow, (typeof exportColumns)[number]>;
export type ExportCursor = { email: string; course: string };

export type PageExportRowsOptions = { db: Db; filters: HrFilters; now: number; after?: ExportCursor | null; limit: number };

/**
 * One page of export rows in (email, course) order, after a keyset cursor: each page is an index
 * walk from where the last one stopped, so a 30,000-row export never sorts or skips rows again.
 * The page comes back as ONE JSON text (json_group_array) rather than as hundreds of rows, because
 * turning each result row into a JavaScript object costs the client more than SQLite spends computing it.
 */
export async function pageExportRows(o: PageExportRowsOptions): Promise<ExportRow[]> {
  // the leading `u.email >=` lets SQLite start the index walk at the cursor instead of filtering from the top
  const after = o.after ? sql`u.email >= ${o.after.email} AND (u.email > ${o.after.email} OR a.course_slug > ${o.after.course})` : undefined;
  const [row] = await o.db.all<{ page: string }>(sql`
    SELECT json_group_array(json_array(p."email", p."name", p."department", p."course", p."status", p."dueAt", p."completedAt", p."score", p."expiresAt") ORDER BY p."email", p."course") AS "page"
    FROM (
      SELECT s.* FROM (${statusRowsSql({ now: o.now, filters: o.filters, where: after })}) s
      WHERE ${statusCondition(o.filters.status, o.now)}
      ORDER BY s."email", s."course"
      LIMIT ${o.limit}
    ) p`);
  const values = JSON.parse(row?.page ?? '[]') as unknown[][];
  return values.map((v) => Object.fromEntries(exportColumns.map((c, i) => [c, v[i]])) as ExportRow);
}
