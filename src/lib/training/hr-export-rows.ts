import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { HrFilters } from './hr-filters.ts';
import { statusCondition, statusRowsSql, type StatusRow } from './hr-status-sql.ts';

/** The export's columns, in order (DESIGN: GET /api/hr/completions). */
export const exportColumns = ['email', 'name', 'department', 'course', 'status', 'dueAt', 'completedAt', 'score', 'expiresAt'] as const;

export type ExportRow = Pick<StatusRow, 'email' | 'name' | 'department' | 'course' | 'status' | 'dueAt' | 'completedAt' | 'score' | 'expiresAt'>;
export type ExportCursor = { email: string; course: string };

export type PageExportRowsOptions = { db: Db; filters: HrFilters; now: number; after?: ExportCursor | null; limit: number };

/**
 * One page of export rows in (email, course) order, after a keyset cursor: each page is an index
 * walk from where the last one stopped, so a 30,000-row export never sorts or skips rows again.
 */
export async function pageExportRows(o: PageExportRowsOptions): Promise<ExportRow[]> {
  // the leading `u.email >=` lets SQLite start the index walk at the cursor instead of filtering from the top
  const after = o.after ? sql`u.email >= ${o.after.email} AND (u.email > ${o.after.email} OR a.course_slug > ${o.after.course})` : undefined;
  return o.db.all<ExportRow>(sql`
    SELECT s."email", s."name", s."department", s."course", s."status", s."dueAt", s."completedAt", s."score", s."expiresAt"
    FROM (${statusRowsSql({ now: o.now, filters: o.filters, where: after })}) s
    WHERE ${statusCondition(o.filters.status, o.now)}
    ORDER BY s."email", s."course"
    LIMIT ${o.limit}`);
}
