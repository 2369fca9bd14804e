// Schedules against a real libSQL file: drafts opened ahead of time exactly once (also by two
// "servers" with their own connections racing), next due dates, overdue, and kept history.
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, audits, notifications, scheduleEvents } from '../../../db/schema.ts';
import { recordResponse } from '../../../src/lib/audit/record-response.ts';
import { signAudit } from '../../../src/lib/audit/sign-audit.ts';
import { getChecklist } from '../../../src/lib/content/catalog.ts';
import { drizzleFor, openClient } from '../../../src/lib/db/client.ts';
import { listSchedules } from '../../../src/lib/programme/list-schedules.ts';
import { changeSchedule, createSchedule, endSchedule } from '../../../src/lib/programme/manage-schedules.ts';
import { createSite, listSites, updateSite } from '../../../src/lib/programme/manage-sites.ts';
import { openScheduledDrafts } from '../../../src/lib/programme/open-scheduled-drafts.ts';
import { runProgramme } from '../../../src/lib/programme/run-programme.ts';
import { openTestDb, type TestDb } from '../audit/support.ts';

const at = (iso: string) => Date.parse(iso);
let t: TestDb;
let auditor: Awaited<ReturnType<TestDb['person']>>;
let admin: Awaited<ReturnType<TestDb['person']>>;
let employee: Awaited<ReturnType<TestDb['person']>>;
let hr: Awaited<ReturnType<TestDb['person']>>;
let siteId: string;

beforeAll(async () => {
  t = await openTestDb();
  [auditor, admin, employee, hr] = [await t.person('auditor'), await t.person('admin'), await t.person('employee'), await t.person('hr')];
  siteId = (await createSite(t.db, { actor: auditor, site: { name: 'Head office', address: '1 High Street' } })).id;
});
afterAll(() => t?.close());

const draftsOf = (scheduleId: string) => t.db.select().from(audits).where(eq(audits.scheduleId, scheduleId));
const quarterly = (firstDueAt: string, extra: Partial<Parameters<typeof createSchedule>[1]['schedule']> = {}) =>
  createSchedule(t.db, { actor: auditor, schedule: { checklist: 'records-destruction', siteId, auditorId: auditor.id, everyMonths: 3, firstDueAt: at(firstDueAt), locale: 'en', ...extra } });

describe('sites', () => {
  it('lets auditors and admins manage sites, not hr or employees, and keeps names unique', async () => {
    await expect(createSite(t.db, { actor: employee, site: { name: 'Nope' } })).rejects.toMatchObject({ status: 403 });
    await expect(createSite(t.db, { actor: hr, site: { name: 'Nope' } })).rejects.toMatchObject({ status: 403 });
    await expect(createSite(t.db, { actor: admin, site: { name: 'Head office' } })).rejects.toMatchObject({ status: 409 });
    await expect(createSite(t.db, { actor: admin, site: { name: '   ' } })).rejects.toMatchObject({ status: 422 });
    const { id } = await createSite(t.db, { actor: admin, site: { name: 'Archive store', responsibleEmail: employee.name ? undefined : undefined } });
    expect((await listSites(t.db, { actor: auditor })).map((s) => s.name)).toContain('Archive store');
    await updateSite(t.db, { actor: auditor, id, site: { active: false } });
    expect((await listSites(t.db, { actor: auditor })).map((s) => s.name)).not.toContain('Archive store');
    expect((await listSites(t.db, { actor: auditor, includeRetired: true })).map((s) => s.name)).toContain('Archive store');
  });
});

describe('opening drafts ahead of the due date', () => {
  it('refuses a schedule with a bad interval, an unknown checklist, or an employee as auditor', async () => {
    await expect(quarterly('2026-07-01T09:00:00Z', { everyMonths: 0 })).rejects.toMatchObject({ status: 422 });
    await expect(quarterly('2026-07-01T09:00:00Z', { checklist: 'no-such' })).rejects.toMatchObject({ status: 422 });
    await expect(quarterly('2026-07-01T09:00:00Z', { auditorId: employee.id })).rejects.toMatchObject({ status: 422 });
    await expect(createSchedule(t.db, { actor: hr, schedule: { checklist: 'records-destruction', siteId, auditorId: auditor.id, everyMonths: 3, firstDueAt: at('2026-07-01T09:00:00Z'), locale: 'en' } })).rejects.toMatchObject({ status: 403 });
  });

  it('opens nothing before 14 days ahead, one draft at 14 days, and never the same one twice', async () => {
    const { id } = await quarterly('2026-07-01T09:00:00Z');
    expect(await openScheduledDrafts(t.db, { now: at('2026-06-17T08:59:59Z') })).toEqual([]);
    const opened = await openScheduledDrafts(t.db, { now: at('2026-06-17T09:00:00Z') });
    expect(opened.filter((o) => o.scheduleId === id)).toHaveLength(1);
    expect(await openScheduledDrafts(t.db, { now: at('2026-06-20T00:00:00Z') })).toEqual([]);
    const [draft] = await draftsOf(id);
    expect(draft).toMatchObject({ status: 'draft', auditorId: auditor.id, siteId, dueAt: at('2026-07-01T09:00:00Z'), checklistSlug: 'records-destruction', site: 'Head office' });
    const log = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, draft!.id));
    expect(log.map((e) => e.action)).toEqual(['audit.open_scheduled']);
    // the auditor is told by mail, queued in the outbox with the draft
    const mails = await t.db.select().from(notifications).where(eq(notifications.subjectId, draft!.id));
    expect(mails.map((m) => [m.userId, m.kind, m.link])).toEqual([[auditor.id, 'audit.scheduled_draft', `/audits/${draft!.id}`]]);
  });

  it('opens each due date exactly once when many passes race, with and without the lease, from two connections', async () => {
    const { id } = await quarterly('2026-08-31T09:00:00Z', { everyMonths: 1 });
    // a second "app server": its own client on the same database file
    const client2 = await openClient(`file:${path.join(t.dataDir, 'lms.db')}`);
    const db2 = drizzleFor(client2);
    try {
      const now = at('2026-10-20T00:00:00Z'); // 31 Aug, 30 Sep and 31 Oct (opens 17 Oct) are all due to open
      await Promise.all([
        ...Array.from({ length: 5 }, (_, i) => runProgramme(t.db, { now, holder: `server-a-${i}` })),
        ...Array.from({ length: 5 }, (_, i) => runProgramme(db2, { now, holder: `server-b-${i}` })),
        openScheduledDrafts(t.db, { now }),
        openScheduledDrafts(db2, { now }),
      ]);
      const dues = (await draftsOf(id)).map((a) => new Date(a.dueAt!).toISOString().slice(0, 10)).sort();
      expect(dues).toEqual(['2026-08-31', '2026-09-30', '2026-10-31']);
      // one mail per draft, however many passes raced
      const drafts = await draftsOf(id);
      const mails = await t.db.select().from(notifications).where(eq(notifications.kind, 'audit.scheduled_draft'));
      expect(mails.filter((m) => drafts.some((d) => d.id === m.subjectId))).toHaveLength(3);
    } finally {
      client2.close();
    }
  });
});

describe('next due date, overdue, changes and ending', () => {
  it('shows the open draft’s due date, overdue once it passes unsigned, and the next date once signed', async () => {
    const { id } = await quarterly('2027-01-31T09:00:00Z');
    await openScheduledDrafts(t.db, { now: at('2027-01-20T00:00:00Z') });
    const view = async (now: string) => (await listSchedules(t.db, { actor: auditor, locale: 'en', now: at(now) })).find((s) => s.id === id)!;
    expect(await view('2027-01-20T00:00:00Z')).toMatchObject({ nextDueAt: at('2027-01-31T09:00:00Z'), overdue: false });
    const late = await view('2027-02-01T00:00:00Z');
    expect(late).toMatchObject({ nextDueAt: at('2027-01-31T09:00:00Z'), overdue: true });
    expect(late.draftAuditId).not.toBeNull();

    const items = getChecklist('records-destruction', 'en')!.sections.flatMap((s) => s.items);
    for (const item of items) await recordResponse(t.db, { auditId: late.draftAuditId!, itemId: item.id, result: 'pass', actor: auditor });
    await signAudit(t.db, { auditId: late.draftAuditId!, actor: auditor, password: auditor.password, dataDir: t.dataDir, organisation: 'Test Org' });
    // 31 Jan + 3 months is 30 April (not 1 May)
    expect(await view('2027-02-02T00:00:00Z')).toMatchObject({ nextDueAt: at('2027-04-30T09:00:00Z'), overdue: false, draftAuditId: null });
  });

  it('keeps the history of a change and of the end; an ended schedule opens nothing more', async () => {
    const { id } = await quarterly('2028-01-15T09:00:00Z');
    await openScheduledDrafts(t.db, { now: at('2028-01-02T00:00:00Z') });
    await changeSchedule(t.db, { actor: admin, id, change: { everyMonths: 6, auditorId: admin.id } });
    const changed = (await listSchedules(t.db, { actor: auditor, locale: 'en', now: at('2028-01-03T00:00:00Z') })).find((s) => s.id === id)!;
    expect(changed).toMatchObject({ everyMonths: 6, auditor: { id: admin.id } });
    // the draft already opened keeps its auditor and date
    const [first] = await draftsOf(id);
    expect(first).toMatchObject({ auditorId: auditor.id, dueAt: at('2028-01-15T09:00:00Z') });
    // the series re-anchors at the next date not yet opened (15 April), then runs every 6 months
    await openScheduledDrafts(t.db, { now: at('2028-04-10T00:00:00Z') });
    expect((await draftsOf(id)).map((a) => [new Date(a.dueAt!).toISOString().slice(0, 10), a.auditorId])).toEqual([
      ['2028-01-15', auditor.id],
      ['2028-04-15', admin.id],
    ]);
    await endSchedule(t.db, { actor: auditor, id });
    await expect(endSchedule(t.db, { actor: auditor, id })).rejects.toMatchObject({ status: 409 });
    await expect(changeSchedule(t.db, { actor: auditor, id, change: { everyMonths: 1 } })).rejects.toMatchObject({ status: 409 });
    expect(await openScheduledDrafts(t.db, { now: at('2029-06-01T00:00:00Z') }).then((o) => o.filter((x) => x.scheduleId === id))).toEqual([]);
    const events = await t.db.select().from(scheduleEvents).where(eq(scheduleEvents.scheduleId, id));
    expect(events.map((e) => e.kind)).toEqual(['created', 'changed', 'ended']);
    expect(JSON.parse(events[1]!.details)).toMatchObject({ before: { everyMonths: 3, auditorId: auditor.id }, after: { everyMonths: 6, auditorId: admin.id } });
    const ended = (await listSchedules(t.db, { actor: auditor, locale: 'en', now: at('2029-06-01T00:00:00Z') })).find((s) => s.id === id)!;
    expect(ended).toMatchObject({ active: false, overdue: false });
  });
});
