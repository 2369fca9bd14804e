// Form posts of the sites and schedules pages: parse the form, call one operation, report the outcome.
import { errorText, type Locale } from '../../i18n/index.ts';
import type { Actor } from '../../lib/audit/audit-access.ts';
import type { Db } from '../../lib/db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { readFormData } from '../../lib/http.ts';
import { changeSchedule, createSchedule, endSchedule, parseDueDate } from '../../lib/programme/manage-schedules.ts';
import { createSite, updateSite } from '../../lib/programme/manage-sites.ts';

export type FormOutcome = { ok: string | null; error: string | null; status: number };

const text = (data: FormData, name: string, max = 1000) => String(data.get(name) ?? '').slice(0, max);
const int = (data: FormData, name: string) => (data.get(name) === null || data.get(name) === '' ? undefined : Number(data.get(name)));

async function outcome(locale: Locale, work: () => Promise<string>): Promise<FormOutcome> {
  try {
    return { ok: await work(), error: null, status: 200 };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { ok: null, error: errorText(locale, err), status: err.status };
  }
}

/** Handles a POST to /audits/sites. */
export function handleSitesForm(db: Db, request: Request, actor: Actor, locale: Locale): Promise<FormOutcome> {
  return outcome(locale, async () => {
    const data = await readFormData(request);
    if (text(data, 'intent', 20) === 'retire') {
      await updateSite(db, { actor, id: text(data, 'id', 100), site: { active: false } });
      return 'programme.sites.retired';
    }
    await createSite(db, { actor, site: { name: text(data, 'name'), address: text(data, 'address', 2000), responsibleEmail: text(data, 'responsibleEmail', 320) } });
    return 'programme.sites.added';
  });
}

/** Handles a POST to /audits/schedules: create, change or end. */
export function handleSchedulesForm(db: Db, request: Request, actor: Actor, locale: Locale): Promise<FormOutcome> {
  return outcome(locale, async () => {
    const data = await readFormData(request);
    const intent = text(data, 'intent', 20);
    const id = text(data, 'id', 100);
    if (intent === 'end') {
      await endSchedule(db, { actor, id });
      return 'programme.schedules.ended';
    }
    if (intent === 'change') {
      const next = text(data, 'nextDueAt', 40);
      await changeSchedule(db, { actor, id, change: { auditorId: text(data, 'auditorId', 100) || undefined, everyMonths: int(data, 'everyMonths'), leadDays: int(data, 'leadDays'), nextDueAt: next ? parseDueDate(next) : undefined } });
      return 'programme.schedules.changed';
    }
    await createSchedule(db, {
      actor,
      schedule: { checklist: text(data, 'checklist', 100), siteId: text(data, 'siteId', 100), auditorId: text(data, 'auditorId', 100), everyMonths: int(data, 'everyMonths') ?? NaN, firstDueAt: parseDueDate(text(data, 'firstDueAt', 40)), leadDays: int(data, 'leadDays'), locale },
    });
    return 'programme.schedules.added';
  });
}
