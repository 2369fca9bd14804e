import { sql } from 'drizzle-orm';
import type { Locale } from '../../i18n/index.ts';
import { listDepartments } from '../auth/departments.ts';
import { listCourses } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { NO_DEPARTMENT, type HrFilters } from './hr-filters.ts';
import { listHrPeople, type HrPeoplePage } from './hr-people.ts';
import type { CellCounts } from './hr-status-groups.ts';
import { statusRowsSql } from './hr-status-sql.ts';

export type HrDashboardOptions = { db: Db; locale: Locale; filters: HrFilters; now?: number; listLimit?: number };

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

const empty = (): CellCounts => ({ total: 0, completed: 0, due: 0, overdue: 0 });
const add = (into: CellCounts, c: CellCounts) => {
  into.total += c.total;
  into.completed += c.completed;
  into.due += c.due;
  into.overdue += c.overdue;
};

/** The departments × courses matrix (one GROUP BY), the overdue list and the due-soon list. */
export async function getHrDashboard(o: HrDashboardOptions): Promise<HrDashboard> {
  const now = o.now ?? Date.now();
  const scope = { departmentId: o.filters.departmentId, course: o.filters.course };
  const limit = o.listLimit ?? 50;
  const [cells, departments, overdue, dueSoon, matching] = await Promise.all([
    o.db.all<CellCounts & { departmentId: string | null; course: string }>(sql`
      SELECT s."departmentId" AS "departmentId", s."course" AS "course", count(*) AS "total",
        sum(CASE WHEN s."status" = 'completed' THEN 1 ELSE 0 END) AS "completed",
        sum(CASE WHEN s."status" IN ('assigned', 'in_progress', 'expired') THEN 1 ELSE 0 END) AS "due",
        sum(CASE WHEN s."status" = 'overdue' THEN 1 ELSE 0 END) AS "overdue"
      FROM (${statusRowsSql({ now, filters: scope })}) s
      GROUP BY s."departmentId", s."course"`),
    listDepartments(o.db),
    listHrPeople({ db: o.db, now, filters: { ...scope, status: 'overdue' }, limit }),
    listHrPeople({ db: o.db, now, filters: { ...scope, status: 'due_soon' }, limit }),
    o.filters.status ? listHrPeople({ db: o.db, now, filters: o.filters, limit }) : null,
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
  for (const cell of cells) {
    const key = cell.departmentId ?? NO_DEPARTMENT;
    const row = byId.get(key) ?? { departmentId: key, name: null, cells: {}, total: empty() };
    byId.set(key, row);
    const counts = { total: cell.total, completed: cell.completed, due: cell.due, overdue: cell.overdue };
    row.cells[cell.course] = counts;
    add(row.total, counts);
    add((totals.cells[cell.course] ??= empty()), counts);
    add(totals.total, counts);
  }
  const rows = [...byId.values()].sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name)));
  return { courses, rows, totals, overdue, dueSoon, matching };
}
