import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { HrFilters } from './hr-filters.ts';
import { statusCondition, statusRowsSql, type StatusRow } from './hr-status-sql.ts';

/** The export's columns, in order (DESIGN: GET /api/hr/completions). */
export const exportColumns = ['email', 'name', 'department', 'course', 'status', 'dueAt', 'completedAt', 'score', 'expiresAt'] as const;

export type ExportRow = Pick<StatusRow, (typeof exportColumns)[number]>;
/** When `Time` is a string, an ISO 8601 UTC time to the second ("2026-11-27T13:05:09Z"). */
type Tuple<Time> = [string, string, string | null, string, StatusRow['status'], Time, Time | null, number | null, Time | null];
/** An export row as the database hands it over: the values in `exportColumns` order, times in ms. */
export type ExportTuple = Tuple<number>;
/** The same with the times already written out as ISO 8601 text. */
export type ExportTextTuple = Tuple<string>;
export type ExportCursor = { email: string; course: string };

export type PageExportRowsOptions = { db: Db; filters: HrFilters; now: number; after?: ExportCursor | null; limit: number };

/** ms since the epoch as ISO 8601 UTC to the second: SQLite's strftime, far cheaper than three Date objects a row in JavaScript. */
const isoSecond = (ms: SQL) => sql`strftime('%Y-%m-%dT%H:%M:%SZ', ${ms} / 1000, 'unixepoch')`;

/**
 * One page of export rows in (email, course) order, after a keyset cursor: each page is an index
 * walk from where the last one stopped, so a 30,000-row export never sorts or skips rows again.
 * The page comes back as ONE JSON text (json_group_array) rather than as hundreds of rows, because
 * turning each result row into a JavaScript object costs the client more than SQLite spends computing it;
 * for the same reason the rows stay arrays (see `exportRow` for the object).
 */
export async function pageExportRows(o: PageExportRowsOptions): Promise<ExportTuple[]> {
  return page<ExportTuple>(o, (ms) => ms);
}

/** `pageExportRows` with the times as ISO 8601 text (the CSV). */
export async function pageExportTextRows(o: PageExportRowsOptions): Promise<ExportTextTuple[]> {
  return page<ExportTextTuple>(o, isoSecond);
}

async function page<T>(o: PageExportRowsOptions, time: (ms: SQL) => SQL): Promise<T[]> {
  // the leading `u.email >=` lets SQLite start the index walk at the cursor instead of filtering from the top
  const after = o.after ? sql`u.email >= ${o.after.email} AND (u.email > ${o.after.email} OR a.course_slug > ${o.after.course})` : undefined;
  const [row] = await o.db.all<{ page: string }>(sql`
    SELECT json_group_array(json_array(p."email", p."name", p."department", p."course", p."status",
      ${time(sql`p."dueAt"`)}, ${time(sql`p."completedAt"`)}, p."score", ${time(sql`p."expiresAt"`)}) ORDER BY p."email", p."course") AS "page"
    FROM (
      SELECT s.* FROM (${statusRowsSql({ now: o.now, filters: o.filters, where: after })}) s
      WHERE ${statusCondition(o.filters.status, o.now)}
      ORDER BY s."email", s."course"
      LIMIT ${o.limit}
    ) p`);
  return JSON.parse(row?.page ?? '[]') as T[];
}

/** The row as an object with the export's column names. */
export function exportRow(v: ExportTuple): ExportRow {
  return { email: v[0], name: v[1], department: v[2], course: v[3], status: v[4], dueAt: v[5], completedAt: v[6], score: v[7], expiresAt: v[8] };
}
