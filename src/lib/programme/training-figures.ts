// The HR dashboard's training figures in a plain, storable shape. Computed by the dashboard's own
// query (getHrDashboard), so the audit evidence, the daily snapshots and the evidence pack show
// exactly what /hr shows at the same moment.
import type { Locale } from '../../i18n/index.ts';
import { assertCan, systemActor, type Actor } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import { getHrDashboard } from '../training/hr-dashboard.ts';
import type { CellCounts } from '../training/hr-status-groups.ts';
import type { StatusRow } from '../training/hr-status-sql.ts';

export type Counts = { total: number; completed: number; overdue: number };
export type TrainingFigures = {
  asOf: number;
  courses: Array<{ slug: string; title: string }>;
  /** One row per department (`id` null, name null: people without one), each with its cells per course. */
  departments: Array<{ id: string | null; name: string | null; cells: Record<string, Counts>; total: Counts }>;
  totals: { cells: Record<string, Counts>; total: Counts };
};

const counts = (c: CellCounts | undefined): Counts => ({ total: c?.total ?? 0, completed: c?.completed ?? 0, overdue: c?.overdue ?? 0 });
const cellsOf = (cells: Record<string, CellCounts>, slugs: string[]) => Object.fromEntries(slugs.map((s) => [s, counts(cells[s])]));

/** The dashboard's figures at `now`, with up to `overdueLimit` overdue people (oldest first) when asked. */
export async function trainingFigures(db: Db, o: { actor: Pick<Actor, 'role'>; now: number; locale: Locale; overdueLimit?: number }): Promise<TrainingFigures & { overdue: { rows: StatusRow[]; total: number } }> {
  // The programme shows these figures to auditors too (audit evidence, the evidence pack: issue 14),
  // so its own permission decides here; the dashboard's query then runs as the system, which holds hr.view.
  assertCan(o.actor, 'evidence.pack');
  const board = await getHrDashboard({ db, actor: systemActor, locale: o.locale, filters: {}, now: o.now, listLimit: o.overdueLimit ?? 0 });
  const slugs = board.courses.map((c) => c.slug);
  return {
    asOf: o.now,
    courses: board.courses,
    departments: board.rows.map((r) => ({ id: r.name === null ? null : r.departmentId, name: r.name, cells: cellsOf(r.cells, slugs), total: counts(r.total) })),
    totals: { cells: cellsOf(board.totals.cells, slugs), total: counts(board.totals.total) },
    overdue: board.overdue,
  };
}

/** Whole percent, 0 of nothing. */
export function rate(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}
