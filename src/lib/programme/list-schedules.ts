// Schedules with their next due date and whether they are overdue, for the API, /audits and the schedule list.
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { audits, auditSchedules, scheduleEvents, sites, users } from '../../../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import { getChecklist } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { isOverdue, nextOccurrenceAfter } from './due-dates.ts';
import { assertManagesProgramme, type Actor } from './programme-access.ts';

export type ScheduleView = {
  id: string;
  checklist: string;
  checklistTitle: string;
  site: { id: string; name: string };
  auditor: { id: string; name: string };
  everyMonths: number;
  leadDays: number;
  firstDueAt: number;
  active: boolean;
  endedAt: number | null;
  /** The earliest due date without a signed audit: an open draft's, else the next one to open. Null once ended. */
  nextDueAt: number | null;
  overdue: boolean;
  /** The draft opened for `nextDueAt`, when there is one. */
  draftAuditId: string | null;
  history: Array<{ at: number; kind: string; actorName: string | null; details: Record<string, unknown> }>;
};

/** Every schedule (active first), computed at `now`. */
export async function listSchedules(db: Db, o: { actor: Actor; locale: Locale; now?: number; includeEnded?: boolean }): Promise<ScheduleView[]> {
  assertManagesProgramme(o.actor);
  const now = o.now ?? Date.now();
  const rows = await db
    .select({ s: auditSchedules, siteName: sites.name, auditorName: users.name })
    .from(auditSchedules)
    .innerJoin(sites, eq(sites.id, auditSchedules.siteId))
    .innerJoin(users, eq(users.id, auditSchedules.auditorId))
    .where(o.includeEnded === false ? eq(auditSchedules.active, true) : undefined)
    .orderBy(desc(auditSchedules.active), asc(sites.name), asc(auditSchedules.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.s.id);
  const [opened, events] = await Promise.all([
    db
      .select({ scheduleId: audits.scheduleId, id: audits.id, dueAt: audits.dueAt, status: audits.status })
      .from(audits)
      .where(inArray(audits.scheduleId, ids))
      .orderBy(asc(audits.dueAt)),
    db
      .select({ scheduleId: scheduleEvents.scheduleId, at: scheduleEvents.at, kind: scheduleEvents.kind, details: scheduleEvents.details, actorName: sql<string | null>`(select name from users where users.id = ${scheduleEvents.actorId})` })
      .from(scheduleEvents)
      .where(inArray(scheduleEvents.scheduleId, ids))
      .orderBy(asc(scheduleEvents.id)),
  ]);
  return rows.map(({ s, siteName, auditorName }) => {
    const mine = opened.filter((a) => a.scheduleId === s.id);
    const draft = mine.find((a) => a.status === 'draft') ?? null;
    const lastOpened = mine.length ? Math.max(...mine.map((a) => a.dueAt ?? 0)) : null;
    const nextDueAt = !s.active ? (draft?.dueAt ?? null) : (draft?.dueAt ?? nextOccurrenceAfter(s, lastOpened));
    return {
      id: s.id,
      checklist: s.checklistSlug,
      checklistTitle: getChecklist(s.checklistSlug, o.locale)?.title ?? s.checklistSlug,
      site: { id: s.siteId, name: siteName },
      auditor: { id: s.auditorId, name: auditorName },
      everyMonths: s.everyMonths,
      leadDays: s.leadDays,
      firstDueAt: s.firstDueAt,
      active: s.active,
      endedAt: s.endedAt,
      nextDueAt,
      overdue: s.active && nextDueAt !== null && isOverdue(nextDueAt, null, now),
      draftAuditId: draft?.id ?? null,
      history: events.filter((e) => e.scheduleId === s.id).map((e) => ({ at: e.at, kind: e.kind, actorName: e.actorName, details: JSON.parse(e.details) as Record<string, unknown> })),
    };
  });
}
