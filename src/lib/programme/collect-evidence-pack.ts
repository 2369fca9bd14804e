// Everything the evidence pack prints for a period, read from the database with the same queries
// the dashboard and the audit pages use, so its figures are theirs.
import { eq, sql } from 'drizzle-orm';
import { trainingSnapshots } from '../../../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import { getChecklist } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { unprocessable } from '../errors.ts';
import type { StatusRow } from '../training/hr-status-sql.ts';
import { endOfDay, parseDay, utcDay } from './due-dates.ts';
import { ALL, NO_DEPARTMENT_KEY } from './take-training-snapshot.ts';
import { completionTrends, type CompletionSeries } from './trends.ts';
import { trainingFigures, type Counts, type TrainingFigures } from './training-figures.ts';
import { assertMakesEvidencePack, type Actor } from './programme-access.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest period one pack covers. */
export const MAX_PERIOD_DAYS = 3 * 366;
/** Overdue people printed in full up to this many rows (oldest first); the total is always given. */
export const MAX_OVERDUE_ROWS = 2000;

export type PackAudit = { id: string; title: string; site: string | null; checklistTitle: string; auditorName: string; signedAt: number; score: number | null; verificationCode: string | null };
export type PackAction = { id: string; auditId: string; title: string; severity: 'low' | 'medium' | 'high' | 'critical'; status: string; createdAt: number; closedAt: number | null; ageDays: number };
export type EvidencePackData = {
  from: string;
  to: string;
  /** The moment the end-date figures describe: the end of `to`, or now when `to` is today or later. */
  asOf: number;
  /** Where the training figures come from: the live dashboard query, the daily snapshot of `to`, or (no snapshot of a past day) the dashboard query evaluated at the end of `to`. */
  trainingSource: 'live' | 'snapshot' | 'computed';
  training: TrainingFigures;
  trend: CompletionSeries[];
  overdue: { rows: StatusRow[]; total: number };
  audits: PackAudit[];
  actionsOpened: PackAction[];
  actionsClosed: PackAction[];
  openCritical: PackAction[];
};

/** Validates `from`/`to` (YYYY-MM-DD); 422 when they are not real days or are the wrong way round. */
export function parsePeriod(from: string, to: string): { fromStart: number; toEnd: number } {
  const a = parseDay(from);
  const b = parseDay(to);
  if (a === null || b === null) throw unprocessable('from and to are days written YYYY-MM-DD').as('programme.error.badPeriod');
  if (a > b) throw unprocessable('from is after to').as('programme.error.periodOrder');
  if ((b - a) / DAY_MS > MAX_PERIOD_DAYS) throw unprocessable(`A pack covers at most ${MAX_PERIOD_DAYS} days`).as('programme.error.periodLong', { days: MAX_PERIOD_DAYS });
  return { fromStart: a, toEnd: endOfDay(b) };
}

/** Reads the pack's contents for the period at `now`. */
export async function collectEvidencePack(db: Db, o: { actor: Actor; from: string; to: string; now: number; locale: Locale }): Promise<EvidencePackData> {
  assertMakesEvidencePack(o.actor);
  const { fromStart, toEnd } = parsePeriod(o.from, o.to);
  const live = toEnd >= o.now || utcDay(toEnd) === utcDay(o.now);
  const asOf = live ? o.now : toEnd;
  const current = await trainingFigures(db, { actor: o.actor, now: asOf, locale: o.locale, overdueLimit: MAX_OVERDUE_ROWS });
  const snapshot = live ? null : await snapshotFigures(db, o.to, current);
  const training: TrainingFigures = snapshot ?? { asOf, courses: current.courses, departments: current.departments, totals: current.totals };

  const actionCols = sql`a.id AS "id", a.audit_id AS "auditId", a.title AS "title", a.severity AS "severity", a.status AS "status", a.created_at AS "createdAt",
    (SELECT max(e.at) FROM action_events e WHERE e.action_id = a.id AND e.kind = 'status' AND e.to_value = 'verified') AS "closedAt"`;
  const [audits, opened, closed, critical, trend] = await Promise.all([
    db.all<Omit<PackAudit, 'checklistTitle'> & { checklist: string }>(sql`
      SELECT au.id AS "id", au.title AS "title", au.site AS "site", au.checklist_slug AS "checklist", u.name AS "auditorName", au.signed_at AS "signedAt", au.score AS "score", d.verification_code AS "verificationCode"
      FROM audits au JOIN users u ON u.id = au.auditor_id LEFT JOIN signed_documents d ON d.id = au.report_id
      WHERE au.status = 'signed' AND au.signed_at BETWEEN ${fromStart} AND ${toEnd}
      ORDER BY au.signed_at, au.id`),
    db.all<Omit<PackAction, 'ageDays'>>(sql`SELECT ${actionCols} FROM corrective_actions a WHERE a.created_at BETWEEN ${fromStart} AND ${toEnd} ORDER BY a.created_at, a.id`),
    db.all<Omit<PackAction, 'ageDays'>>(sql`SELECT * FROM (SELECT ${actionCols} FROM corrective_actions a) WHERE "closedAt" BETWEEN ${fromStart} AND ${toEnd} ORDER BY "closedAt", "id"`),
    db.all<Omit<PackAction, 'ageDays'>>(sql`SELECT * FROM (SELECT ${actionCols} FROM corrective_actions a WHERE a.severity = 'critical' AND a.created_at <= ${toEnd}) WHERE "closedAt" IS NULL OR "closedAt" > ${toEnd} ORDER BY "createdAt", "id"`),
    completionTrends(db, { locale: o.locale, actor: o.actor, from: o.from, to: o.to }),
  ]);
  // an action's age: opened to closed, or to the end of the period while it is still open then
  const aged = (a: Omit<PackAction, 'ageDays'>): PackAction => {
    const closedAt = a.closedAt !== null && a.closedAt <= toEnd ? a.closedAt : null;
    return { ...a, closedAt, ageDays: Math.floor(((closedAt ?? asOf) - a.createdAt) / DAY_MS) };
  };
  return {
    from: o.from,
    to: o.to,
    asOf,
    trainingSource: snapshot ? 'snapshot' : live ? 'live' : 'computed',
    training,
    trend,
    overdue: current.overdue,
    audits: audits.map((a) => ({ ...a, checklistTitle: getChecklist(a.checklist, o.locale)?.title ?? a.checklist })),
    actionsOpened: opened.map(aged),
    actionsClosed: closed.map((a) => ({ ...aged(a), closedAt: a.closedAt })),
    openCritical: critical.map((a) => ({ ...aged(a), closedAt: null })),
  };
}

/** The dashboard's figures as the snapshot of `day` recorded them, in the live figures' shape; null without one. */
async function snapshotFigures(db: Db, day: string, shape: TrainingFigures): Promise<TrainingFigures | null> {
  const rows = await db.select().from(trainingSnapshots).where(eq(trainingSnapshots.day, day));
  if (rows.length === 0) return null;
  const get = (dept: string, course: string): Counts => {
    const r = rows.find((x) => x.departmentKey === dept && x.courseSlug === course);
    return { total: r?.total ?? 0, completed: r?.completed ?? 0, overdue: r?.overdue ?? 0 };
  };
  const slugs = shape.courses.map((c) => c.slug);
  const keys = new Set(rows.map((r) => r.departmentKey).filter((k) => k !== ALL));
  const departments = shape.departments
    .filter((d) => keys.has(d.id ?? NO_DEPARTMENT_KEY))
    .map((d) => {
      const key = d.id ?? NO_DEPARTMENT_KEY;
      return { ...d, cells: Object.fromEntries(slugs.map((s) => [s, get(key, s)])), total: get(key, ALL) };
    });
  return { asOf: rows[0]!.takenAt, courses: shape.courses, departments, totals: { cells: Object.fromEntries(slugs.map((s) => [s, get(ALL, s)])), total: get(ALL, ALL) } };
}
