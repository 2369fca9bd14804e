import { sql } from 'drizzle-orm';
import type { Locale } from '../../i18n/index.ts';
import { listDepartments } from '../auth/departments.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { listCourses } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { NO_DEPARTMENT, type HrFilters } from './hr-filters.ts';
import { peoplePageSql, toPeoplePage, type HrPeoplePage } from './hr-people.ts';
import { statusGroup, type CellCounts } from './hr-status-groups.ts';
import { statusRowsSql, type StatusRow } from './hr-status-sql.ts';

export type HrDashboardOptions = { db: Db; actor: Pick<Actor, 'role'>; locale: Locale; filters: HrFilters; now?: number; listLimit?: number };

export type MatrixRow = { departmentId: string; name: string | null; cells: Record<string, CellCounts>; total: CellCounts };

export type HrDashboard = {
  courses: { slug: string; title: string }[];
  rows: MatrixRow[];
  /** Per course over the rows shown, and `total` over everything. */
  totals: { cells: Record<string, CellCounts>; total: CellCounts };
  overdue: HrPeoplePage;
  dueSoon: HrPeoplePage;
  /** People with the filtered status, when a status is chosen. */
  matching: HrPeoplePage | null;
};

type Part = 'cell' | 'overdue' | 'due_soon' | 'matching';
type DashboardRow = StatusRow & { part: Part; n: number; total: number };

const empty = (): CellCounts => ({ total: 0, completed: 0, due: 0, overdue: 0 });

/**
 * The departments × courses matrix, the overdue list and the due-soon list in ONE statement: the
 * status of every assignment is computed once into a materialised CTE, then grouped by department,
 * course and status for the matrix, and filtered, ordered and limited for each list.
 */
export async function getHrDashboard(o: HrDashboardOptions): Promise<HrDashboard> {
  assertCan(o.actor, 'hr.view');
  const now = o.now ?? Date.now();
  const scope = { departmentId: o.filters.departmentId, course: o.filters.course };
  const limit = o.listLimit ?? 50;
  const list = (part: Part, status: HrFilters['status']) => sql`SELECT ${part} AS "part", 0 AS "n", * FROM (${peoplePageSql({ source: sql`s`, status, now, limit })})`;
  const [rows, departments] = await Promise.all([
    o.db.all<DashboardRow>(sql`
      WITH s AS MATERIALIZED (${statusRowsSql({ now, filters: scope })})
      SELECT 'cell' AS "part", count(*) AS "n", NULL AS "userId", NULL AS "email", NULL AS "name", s."departmentId", NULL AS "department", s."course", s."status",
        NULL AS "dueAt", NULL AS "completionId", NULL AS "completedAt", NULL AS "expiresAt", NULL AS "score", NULL AS "total"
      FROM s GROUP BY s."departmentId", s."course", s."status"
      UNION ALL ${list('overdue', 'overdue')}
      UNION ALL ${list('due_soon', 'due_soon')}
      ${o.filters.status ? sql`UNION ALL ${list('matching', o.filters.status)}` : sql``}`),
    listDepartments(o.db),
  ]);

  const courses = listCourses(o.locale)
    .filter((c) => !o.filters.course || c.slug === o.filters.course)
    .map((c) => ({ slug: c.slug, title: c.meta.title }));
  // every department is a row, so one nobody has assigned anything to shows up empty rather than missing
  const byId = new Map<string, MatrixRow>();
  for (const d of departments) {
    if (!scope.departmentId || scope.departmentId === d.id) byId.set(d.id, { departmentId: d.id, name: d.name, cells: {}, total: empty() });
  }
  const totals = { cells: {} as Record<string, CellCounts>, total: empty() };
  for (const r of rows) {
    if (r.part !== 'cell') continue;
    const key = r.departmentId ?? NO_DEPARTMENT;
    const row = byId.get(key) ?? { departmentId: key, name: null, cells: {}, total: empty() };
    byId.set(key, row);
    const group = statusGroup(r.status);
    if (!group) continue;
    for (const c of [(row.cells[r.course] ??= empty()), row.total, (totals.cells[r.course] ??= empty()), totals.total]) {
      c.total += r.n;
      c[group] += r.n;
    }
  }
  const page = (part: Part) => toPeoplePage(rows.filter((r) => r.part === part).map(({ part: _, n: __, ...rest }) => rest));
  const matrixRows = [...byId.values()].sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name)));
  return { courses, rows: matrixRows, totals, overdue: page('overdue'), dueSoon: page('due_soon'), matching: o.filters.status ? page('matching') : null };
}
