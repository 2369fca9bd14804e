// Daily training snapshots: the dashboard's figures per department and course, kept per UTC day so
// completion can be drawn over time. A day's row is refreshed at most hourly while the day lasts,
// so it ends up holding the figures of the day's last hour.
import { and, eq, sql } from 'drizzle-orm';
import { trainingSnapshots } from '../../../db/schema.ts';
import { systemActor } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { utcDay } from './due-dates.ts';
import { trainingFigures, type Counts } from './training-figures.ts';

export const SNAPSHOT_REFRESH_MS = 60 * 60 * 1000;
/** Department and course key meaning "all". */
export const ALL = '*';
/** Department key of people without a department. */
export const NO_DEPARTMENT_KEY = 'none';

/** Takes (or refreshes) today's snapshot; returns whether it wrote one. */
export async function takeTrainingSnapshot(db: Db, o: { now: number; force?: boolean }): Promise<boolean> {
  const day = utcDay(o.now);
  const [last] = await db.select({ takenAt: trainingSnapshots.takenAt }).from(trainingSnapshots).where(and(eq(trainingSnapshots.day, day), eq(trainingSnapshots.departmentKey, ALL), eq(trainingSnapshots.courseSlug, ALL)));
  if (last && !o.force && o.now - last.takenAt < SNAPSHOT_REFRESH_MS) return false;
  const f = await trainingFigures(db, { actor: systemActor, now: o.now, locale: 'en' });
  const rows: Array<typeof trainingSnapshots.$inferInsert> = [];
  const add = (departmentKey: string, courseSlug: string, c: Counts) => rows.push({ day, departmentKey, courseSlug, ...c, takenAt: o.now });
  for (const d of f.departments) {
    const key = d.id ?? NO_DEPARTMENT_KEY;
    for (const [slug, c] of Object.entries(d.cells)) add(key, slug, c);
    add(key, ALL, d.total);
  }
  for (const [slug, c] of Object.entries(f.totals.cells)) add(ALL, slug, c);
  add(ALL, ALL, f.totals.total);
  await writeTransaction(db, async (tx) => {
    await tx.delete(trainingSnapshots).where(eq(trainingSnapshots.day, day));
    for (let i = 0; i < rows.length; i += 200) await tx.insert(trainingSnapshots).values(rows.slice(i, i + 200));
  });
  return true;
}

export type SnapshotPoint = { day: string; total: number; completed: number; overdue: number };

/** Snapshots of one department key (default all) per course key, from..to inclusive (YYYY-MM-DD), by day. */
export async function snapshotSeries(db: Db, o: { from: string; to: string; departmentKey?: string }): Promise<Map<string, SnapshotPoint[]>> {
  const rows = await db
    .select({ day: trainingSnapshots.day, course: trainingSnapshots.courseSlug, total: trainingSnapshots.total, completed: trainingSnapshots.completed, overdue: trainingSnapshots.overdue })
    .from(trainingSnapshots)
    .where(and(eq(trainingSnapshots.departmentKey, o.departmentKey ?? ALL), sql`${trainingSnapshots.day} BETWEEN ${o.from} AND ${o.to}`))
    .orderBy(trainingSnapshots.day);
  const out = new Map<string, SnapshotPoint[]>();
  for (const r of rows) {
    const list = out.get(r.course) ?? [];
    list.push({ day: r.day, total: r.total, completed: r.completed, overdue: r.overdue });
    out.set(r.course, list);
  }
  return out;
}
