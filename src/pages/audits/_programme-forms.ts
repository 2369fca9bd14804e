// Form posts of the sites and schedules pages: parse the form, call one operation, report the outcome.
import { errorText, type Locale } from '../../i18n/index.ts';
import type { Actor } from '../../lib/audit/audit-access.ts';
import type { Db } from '../../lib/db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { changeSchedule, createSchedule, endSchedule, parseDueDate } from '../../lib/programme/manage-schedules.ts';
import { createSite, updateSite } from '../../lib/programme/manage-sites.ts';

export type FormOutcome = { ok: string | null; error: string | null; status: number };

const text = (data: FormData, name: string, max = 1000) => String(data.get(name) ?? '').slice(0, max);
const int = (data: FormData, name: string) => (data.get(name) === null || data.get(name) === '' ? undefined : Number(data.get(name)));

async function outcome(locale: Locale, okKey: string, work: () => Promise<unknown>): Promise<FormOutcome> {
  try {
    await work();
    return { ok: okKey, error: null, status: 200 };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { ok: null, error: errorText(locale, err), status: err.status };
  }
}

/** Handles a POST to /audits/sites. */
export async function handleSitesForm(db: Db, request: Request, actor: Actor, locale: Locale): Promise<FormOutcome> {
  const data = await request.formData();
  const intent = text(data, 'intent', 20);
  if (intent === 'retire') return outcome(locale, 'programme.sites.retired', () => updateSite(db, { actor, id: text(data, 'id', 100), site: { active: false } }));
  return outcome(locale, 'programme.sites.added', () => createSite(db, { actor, site: { name: text(data, 'name'), address: text(data, 'address', 2000), responsibleEmail: text(data, 'responsibleEmail', 320) } }));
}

/** Handles a POST to /audits/schedules: create, change or end. */
export async function handleSchedulesForm(db: Db, request: Request, actor: Actor, locale: Locale): Promise<FormOutcome> {
  const data = await request.formData();
  const intent = text(data, 'intent', 20);
  const id = text(data, 'id', 100);
  if (intent === 'end') return outcome(locale, 'programme.schedules.ended', () => endSchedule(db, { actor, id }));
  if (intent === 'change') {
    const next = text(data, 'nextDueAt', 40);
    return outcome(locale, 'programme.schedules.changed', () =>
      changeSchedule(db, { actor, id, change: { auditorId: text(data, 'auditorId', 100) || undefined, everyMonths: int(data, 'everyMonths'), leadDays: int(data, 'leadDays'), nextDueAt: next ? parseDueDate(next) : undefined } }),
    );
  }
  return outcome(locale, 'programme.schedules.added', () =>
    createSchedule(db, {
      actor,
      schedule: { checklist: text(data, 'checklist', 100), siteId: text(data, 'siteId', 100), auditorId: text(data, 'auditorId', 100), everyMonths: int(data, 'everyMonths') ?? NaN, firstDueAt: parseDueDate(text(data, 'firstDueAt', 40)), leadDays: int(data, 'leadDays'), locale },
    }),
  );
}
