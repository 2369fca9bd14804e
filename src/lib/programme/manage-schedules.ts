// Audit schedules: a checklist at a site every N months with an auditor. Changing or ending one
// keeps its history (schedule_events and the audit log); audits it already opened stay as they are.
import { and, eq, max } from 'drizzle-orm';
import { audits, auditSchedules, scheduleEvents, sites, users } from '../../../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import { can } from '../auth/permissions.ts';
import { getChecklist } from '../content/catalog.ts';
import type { Db, Tx } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { conflict, notFound, unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { DEFAULT_LEAD_DAYS, nextOccurrenceAfter } from './due-dates.ts';
import { assertManagesProgramme, type Actor } from './programme-access.ts';

export type CreateScheduleInput = { checklist: string; siteId: string; auditorId: string; everyMonths: number; firstDueAt: number; leadDays?: number; locale: Locale };
export type ChangeScheduleInput = { auditorId?: string; everyMonths?: number; nextDueAt?: number; leadDays?: number };

function assertNumbers(o: { everyMonths?: number; leadDays?: number }): void {
  if (o.everyMonths !== undefined && (!Number.isInteger(o.everyMonths) || o.everyMonths < 1 || o.everyMonths > 60)) throw unprocessable('everyMonths is a whole number from 1 to 60').as('programme.error.everyMonths');
  if (o.leadDays !== undefined && (!Number.isInteger(o.leadDays) || o.leadDays < 0 || o.leadDays > 180)) throw unprocessable('leadDays is a whole number from 0 to 180').as('programme.error.leadDays');
}

async function assertAuditor(db: Db | Tx, id: string): Promise<void> {
  const [u] = await db.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, id));
  if (!u || !u.active || !can(u.role, 'audits.conduct')) throw unprocessable('The auditor must be an active auditor or administrator').as('programme.error.notAuditor');
}

/** Creates a schedule (auditors and admins). */
export async function createSchedule(db: Db, o: { actor: Actor; schedule: CreateScheduleInput; now?: number }): Promise<{ id: string }> {
  assertManagesProgramme(o.actor);
  const s = o.schedule;
  assertNumbers(s);
  if (!getChecklist(s.checklist, s.locale)) throw unprocessable(`There is no checklist "${s.checklist}"`).as('error.unknownChecklist', { checklist: s.checklist });
  if (!Number.isFinite(s.firstDueAt)) throw unprocessable('firstDueAt is not a date').as('programme.error.badDate');
  await assertAuditor(db, s.auditorId);
  const [site] = await db.select({ active: sites.active }).from(sites).where(eq(sites.id, s.siteId));
  if (!site?.active) throw unprocessable('There is no such site').as('programme.error.unknownSite');
  const id = newId();
  const now = o.now ?? Date.now();
  const row = { id, checklistSlug: s.checklist, siteId: s.siteId, auditorId: s.auditorId, locale: s.locale, everyMonths: s.everyMonths, firstDueAt: s.firstDueAt, leadDays: s.leadDays ?? DEFAULT_LEAD_DAYS, createdBy: o.actor.id, createdAt: now, updatedAt: now };
  await writeTransaction(db, async (tx) => {
    await tx.insert(auditSchedules).values(row);
    const details = { checklist: s.checklist, siteId: s.siteId, auditorId: s.auditorId, everyMonths: s.everyMonths, firstDueAt: s.firstDueAt, leadDays: row.leadDays };
    await tx.insert(scheduleEvents).values({ scheduleId: id, actorId: o.actor.id, at: now, kind: 'created', details: JSON.stringify(details) });
    await appendLog(tx, { actorId: o.actor.id, action: 'schedule.create', subjectType: 'audit_schedule', subjectId: id, details, at: now });
  });
  return { id };
}

/** The latest due date this schedule opened an audit for, or null. */
export async function lastOpenedDueAt(db: Db | Tx, scheduleId: string): Promise<number | null> {
  const [row] = await db.select({ due: max(audits.dueAt) }).from(audits).where(eq(audits.scheduleId, scheduleId));
  return row?.due ?? null;
}

/**
 * Changes the auditor, the interval, the lead time or the next due date. A new interval or date
 * re-anchors the series at the next due date not yet opened; opened audits keep their dates.
 */
export async function changeSchedule(db: Db, o: { actor: Actor; id: string; change: ChangeScheduleInput; now?: number }): Promise<void> {
  assertManagesProgramme(o.actor);
  assertNumbers(o.change);
  if (o.change.nextDueAt !== undefined && !Number.isFinite(o.change.nextDueAt)) throw unprocessable('nextDueAt is not a date').as('programme.error.badDate');
  if (o.change.auditorId) await assertAuditor(db, o.change.auditorId);
  const now = o.now ?? Date.now();
  await writeTransaction(db, async (tx) => {
    const [before] = await tx.select().from(auditSchedules).where(eq(auditSchedules.id, o.id));
    if (!before) throw notFound('No such schedule').as('programme.error.unknownSchedule');
    if (!before.active) throw conflict('This schedule has ended and can no longer change').as('programme.error.scheduleEnded');
    const next = { auditorId: o.change.auditorId ?? before.auditorId, everyMonths: o.change.everyMonths ?? before.everyMonths, leadDays: o.change.leadDays ?? before.leadDays, firstDueAt: before.firstDueAt };
    if (o.change.everyMonths !== undefined || o.change.nextDueAt !== undefined) {
      next.firstDueAt = o.change.nextDueAt ?? nextOccurrenceAfter(before, await lastOpenedDueAt(tx, o.id));
    }
    await tx.update(auditSchedules).set({ ...next, updatedAt: now }).where(eq(auditSchedules.id, o.id));
    const details = { before: { auditorId: before.auditorId, everyMonths: before.everyMonths, leadDays: before.leadDays, firstDueAt: before.firstDueAt }, after: next };
    await tx.insert(scheduleEvents).values({ scheduleId: o.id, actorId: o.actor.id, at: now, kind: 'changed', details: JSON.stringify(details) });
    await appendLog(tx, { actorId: o.actor.id, action: 'schedule.change', subjectType: 'audit_schedule', subjectId: o.id, details, at: now });
  });
}

/** Ends a schedule: no more drafts are opened; it and its audits stay on record. */
export async function endSchedule(db: Db, o: { actor: Actor; id: string; now?: number }): Promise<void> {
  assertManagesProgramme(o.actor);
  const now = o.now ?? Date.now();
  await writeTransaction(db, async (tx) => {
    const ended = await tx.update(auditSchedules).set({ active: false, endedAt: now, updatedAt: now }).where(and(eq(auditSchedules.id, o.id), eq(auditSchedules.active, true))).returning({ id: auditSchedules.id });
    if (ended.length === 0) {
      const [exists] = await tx.select({ id: auditSchedules.id }).from(auditSchedules).where(eq(auditSchedules.id, o.id));
      throw exists ? conflict('This schedule has already ended').as('programme.error.scheduleEnded') : notFound('No such schedule').as('programme.error.unknownSchedule');
    }
    await tx.insert(scheduleEvents).values({ scheduleId: o.id, actorId: o.actor.id, at: now, kind: 'ended', details: '{}' });
    await appendLog(tx, { actorId: o.actor.id, action: 'schedule.end', subjectType: 'audit_schedule', subjectId: o.id, at: now });
  });
}

/** Finds a site by id or exact name, and an auditor by id or email, for the API's `{site, auditor}`. */
export async function resolveScheduleRefs(db: Db, o: { site?: string; auditor?: string }): Promise<{ siteId?: string; auditorId?: string }> {
  const out: { siteId?: string; auditorId?: string } = {};
  if (o.site !== undefined) {
    const [byId] = await db.select({ id: sites.id }).from(sites).where(eq(sites.id, o.site));
    const [byName] = byId ? [byId] : await db.select({ id: sites.id }).from(sites).where(eq(sites.name, o.site.trim()));
    if (!byName) throw unprocessable(`There is no site "${o.site}"`).as('programme.error.unknownSite');
    out.siteId = byName.id;
  }
  if (o.auditor !== undefined) {
    const [u] = await db.select({ id: users.id }).from(users).where(o.auditor.includes('@') ? eq(users.email, o.auditor.trim().toLowerCase()) : eq(users.id, o.auditor));
    if (!u) throw unprocessable('The auditor must be an active auditor or administrator').as('programme.error.notAuditor');
    out.auditorId = u.id;
  }
  return out;
}

/** Parses a due date given as YYYY-MM-DD (09:00 UTC that day) or a full ISO time; NaN when neither. */
export function parseDueDate(value: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const ms = Date.parse(`${value}T09:00:00Z`);
    return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === value ? ms : NaN;
  }
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
}
