// Opens the draft audit of each schedule ahead of its due date. Exactly once per schedule and due
// date: the runner holds a lease so one server works at a time, and the unique index on
// audits(schedule_id, due_at) makes a second insert of the same occurrence a no-op even if two ran.
import { eq } from 'drizzle-orm';
import { audits, auditSchedules, sites } from '../../../db/schema.ts';
import { isLocale, t } from '../../i18n/index.ts';
import { getChecklist } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { newId } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { dueDatesToOpen, utcDay } from './due-dates.ts';
import { lastOpenedDueAt } from './manage-schedules.ts';
import { notifyDraftOpened } from './notify-auditor.ts';

export type OpenedDraft = { auditId: string; scheduleId: string; auditorId: string; dueAt: number };

/** Opens every draft whose time has come at `now`; returns those this call created. */
export async function openScheduledDrafts(db: Db, o: { now: number }): Promise<OpenedDraft[]> {
  const schedules = await db.select({ s: auditSchedules, siteName: sites.name }).from(auditSchedules).innerJoin(sites, eq(sites.id, auditSchedules.siteId)).where(eq(auditSchedules.active, true));
  const opened: OpenedDraft[] = [];
  for (const { s, siteName } of schedules) {
    const locale = isLocale(s.locale) ? s.locale : 'en';
    const checklist = getChecklist(s.checklistSlug, locale);
    if (!checklist) {
      console.warn(`Schedule ${s.id}: checklist ${s.checklistSlug} is missing from the content; no draft opened`);
      continue;
    }
    for (const dueAt of dueDatesToOpen(s, await lastOpenedDueAt(db, s.id), o.now)) {
      const title = t(locale, 'programme.draftTitle', { checklist: checklist.title, site: siteName, due: utcDay(dueAt) });
      const id = newId();
      const created = await writeTransaction(db, async (tx) => {
        const rows = await tx
          .insert(audits)
          .values({ id, checklistSlug: checklist.slug, checklistVersion: checklist.version, locale, title, site: siteName, siteId: s.siteId, scheduleId: s.id, dueAt, auditorId: s.auditorId, createdAt: o.now })
          .onConflictDoNothing()
          .returning({ id: audits.id });
        if (rows.length === 0) return false;
        await appendLog(tx, { actorId: null, action: 'audit.open_scheduled', subjectType: 'audit', subjectId: id, details: { scheduleId: s.id, dueAt, auditorId: s.auditorId, checklist: checklist.slug, version: checklist.version, siteId: s.siteId }, at: o.now });
        await notifyDraftOpened(tx, { auditId: id, auditorId: s.auditorId, title, dueAt, locale, now: o.now });
        return true;
      });
      if (created) opened.push({ auditId: id, scheduleId: s.id, auditorId: s.auditorId, dueAt });
    }
  }
  return opened;
}
