// The numbers behind the trend pictures: audit scores per site and checklist over time, and
// training completion per course over time (from the daily snapshots).
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { audits } from '../../../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import { getChecklist, listCourses } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { assertAllowed, canReadAudit, type Actor } from '../audit/audit-access.ts';
import { rate } from './training-figures.ts';
import { assertMakesEvidencePack } from './programme-access.ts';
import { ALL, snapshotSeries } from './take-training-snapshot.ts';

/** Points a page draws for a year of completion: about one a week. */
export const TREND_POINTS = 53;

export type ScoreSeries = { key: string; site: string; checklist: string; checklistTitle: string; points: Array<{ auditId: string; signedAt: number; score: number }> };
export type CompletionSeries = { course: string; title: string; points: Array<{ day: string; at: number; completedPct: number; overduePct: number; total: number }> };

/** Signed audits' scores, one series per site and checklist, oldest first (audits without a score left out). */
export async function auditScoreTrends(db: Db, o: { locale: Locale; actor: Actor; from?: number; to?: number }): Promise<ScoreSeries[]> {
  assertAllowed(canReadAudit(o.actor));
  const rows = await db
    .select({ id: audits.id, site: sql<string>`coalesce(${audits.site}, '')`, checklist: audits.checklistSlug, signedAt: audits.signedAt, score: audits.score })
    .from(audits)
    .where(and(eq(audits.status, 'signed'), isNotNull(audits.score), o.from !== undefined ? sql`${audits.signedAt} >= ${o.from}` : undefined, o.to !== undefined ? sql`${audits.signedAt} <= ${o.to}` : undefined))
    .orderBy(asc(audits.signedAt));
  const bySeries = new Map<string, ScoreSeries>();
  for (const r of rows) {
    const key = `${r.site}\u0000${r.checklist}`;
    const s = bySeries.get(key) ?? { key, site: r.site, checklist: r.checklist, checklistTitle: getChecklist(r.checklist, o.locale)?.title ?? r.checklist, points: [] };
    s.points.push({ auditId: r.id, signedAt: r.signedAt!, score: r.score! });
    bySeries.set(key, s);
  }
  return [...bySeries.values()].sort((a, b) => a.site.localeCompare(b.site) || a.checklistTitle.localeCompare(b.checklistTitle));
}

/** At most `n` of the days, spread evenly, the first and the last always kept. */
export function sampleDays(days: string[], n: number): string[] {
  if (days.length <= n) return days;
  const out = new Set<string>();
  for (let i = 0; i < n; i++) out.add(days[Math.round((i * (days.length - 1)) / (n - 1))]!);
  return [...out];
}

/**
 * Completion per course and over all courses, by day, from..to (YYYY-MM-DD); with `maxPoints`, only
 * that many days spread over the period (a page shows a year as weekly points, not 365 of them).
 */
export async function completionTrends(db: Db, o: { locale: Locale; actor: Actor; from: string; to: string; maxPoints?: number }): Promise<CompletionSeries[]> {
  // aggregate figures, no person in them: the roles that see training figures (hr, auditors, admins)
  assertMakesEvidencePack(o.actor);
  const series = await snapshotSeries(db, { from: o.from, to: o.to });
  const days = [...new Set([...series.values()].flatMap((points) => points.map((p) => p.day)))].sort();
  const keep = new Set(o.maxPoints ? sampleDays(days, o.maxPoints) : days);
  const titles = new Map(listCourses(o.locale).map((c) => [c.slug, c.meta.title]));
  const order = [...titles.keys(), ALL];
  return [...series.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([course, points]) => ({
      course,
      title: course === ALL ? '' : (titles.get(course) ?? course),
      points: points.filter((p) => keep.has(p.day)).map((p) => ({ day: p.day, at: Date.parse(`${p.day}T00:00:00Z`), completedPct: rate(p.completed, p.total), overduePct: rate(p.overdue, p.total), total: p.total })),
    }));
}
