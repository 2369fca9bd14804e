// Reminders and escalations end to end: the built server, `notify run` as cron runs it, and a real
// SMTP server (smtp-server) as the sink. Each kind of mail reaches the right person in their
// language with a link that opens the right page; a second run at the same time sends nothing.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, auditLog, completions, correctiveActions, notifications, outboxMails, users } from '../../db/schema.ts';
import { getChecklist } from '../../src/lib/content/catalog.ts';
import { demoAnswers } from '../../src/lib/training/demo-answers.ts';
import { notifyRun } from '../support/notify.ts';
import { startServer, type Client, type TestServer } from '../support/server.ts';
import { linksIn, startSmtpSink, type SmtpSink, type SunkMail } from '../support/smtp-sink.ts';

const DAY = 24 * 60 * 60 * 1000;
const checklist = getChecklist('emergency-drill', 'en')!;
const items = checklist.sections.flatMap((s) => s.items);

type Person = { id: string; email: string; password: string; client: Client };

let server: TestServer;
let sink: SmtpSink;
let T0: number;
let admin: Client;
let hr: Client;
let auditor: Person;
let mgr: Person; // reads Chinese; manages emp1, emp2, emp4
let emp1: Person; // English; manages emp3
let emp2: Person; // Chinese
let emp3: Person;
let emp4: Person; // has a completion that will expire
let emp5: Person; // chose one digest a day
let auditId: string;
let actionA: string; // owned by emp1
let actionB: string; // owned by emp3
let verificationCode: string;

const run = (now?: number) => notifyRun({ dataDir: server.dataDir, smtpUrl: sink.url, publicUrl: server.url }, now);
const post = (c: Client, path: string, fields: Record<string, string>) =>
  c.fetch(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url } });

/** The mails a pass delivered: runs it and returns what the sink got meanwhile. */
async function pass(now?: number): Promise<SunkMail[]> {
  const before = sink.mails.length;
  await run(now);
  return sink.mails.slice(before);
}
const to = (mails: SunkMail[], p: Person) => mails.filter((m) => m.to === p.email);
const one = (mails: SunkMail[], p: Person) => {
  const mine = to(mails, p);
  expect(mine, `mails to ${p.email}: ${mine.map((m) => m.subject).join(' | ')}`).toHaveLength(1);
  return mine[0]!;
};

/** The mail's links all point at this server, in the reader's language; the first opens with their session. */
async function opens(mail: SunkMail, who: Person, locale: 'en' | 'zh-cn', expectText: string): Promise<void> {
  const links = linksIn(mail);
  expect(links.length).toBeGreaterThan(0);
  for (const l of links) expect(l.startsWith(locale === 'en' ? `${server.url}/` : `${server.url}/zh-cn/`)).toBe(true);
  const path = links[0]!.slice(server.url.length);
  // without a session the link asks for a login that comes back to it
  const anon = await server.anonymous().fetch(path);
  expect(anon.status).toBe(303);
  expect(anon.headers.get('location')).toContain(`next=${encodeURIComponent(path)}`);
  const res = await who.client.fetch(path);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain(expectText);
}

async function person(role: 'employee' | 'auditor', name: string, locale: 'en' | 'zh-cn' = 'en'): Promise<Person> {
  const u = await server.user(role, { name, department: 'Tax Services' });
  const client = await server.login(u);
  // the language they use is remembered for their mails
  expect((await client.fetch(locale === 'en' ? '/training' : '/zh-cn/training')).status).toBe(200);
  return { ...u, client };
}

beforeAll(async () => {
  sink = await startSmtpSink();
  // LMS_CHECKPOINT_MINUTES 0: no audit-log checkpoint mails to admins among the mails counted here
  server = await startServer({ env: { LMS_NOTIFY_INTERVAL_MS: '0', LMS_SMTP_URL: sink.url, LMS_CHECKPOINT_MINUTES: '0' } });
  admin = await server.login(await server.user('admin'));
  hr = await server.login(await server.user('hr'));
  auditor = await person('auditor', 'Audrey Auditor');
  mgr = await person('employee', '马经理', 'zh-cn');
  emp1 = await person('employee', 'Erin One');
  emp2 = await person('employee', '王二', 'zh-cn');
  emp3 = await person('employee', 'Sam Three');
  emp4 = await person('employee', 'Dana Four');
  emp5 = await person('employee', 'Daily Five');
  for (const [p, m] of [[emp1, mgr], [emp2, mgr], [emp4, mgr], [emp3, emp1]] as const) {
    const res = await post(admin, '/admin', { op: 'manager', userId: p.id, manager: m.email });
    expect(res.status).toBe(303);
  }
  const daily = await post(emp5.client, '/me', { locale: 'en', mailDigest: 'daily' });
  expect(daily.status).toBe(303);
  T0 = Date.now();
});
afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

describe('mails for events and reminders', { timeout: 240_000 }, () => {
  it('tells each person of a new assignment, in their language, with a link to the course; a second run sends nothing', async () => {
    const assign = (course: string, emails: string[], dueAt: number) => hr.fetch('/api/hr/assignments', { method: 'POST', json: { course, emails, dueAt } });
    expect((await assign('confidentiality', [emp1.email, emp2.email, emp4.email, emp5.email], T0 + 20 * DAY)).status).toBe(201);
    expect((await assign('retention-and-destruction', [emp3.email], T0 + 10 * DAY)).status).toBe(201);
    // emp4 passes at once: a completion that expires in 12 months
    expect((await emp4.client.fetch('/api/courses/confidentiality/attempts', { method: 'POST', json: { answers: demoAnswers('confidentiality', 0, 0) } })).status).toBe(201);

    const now = Date.now();
    const mails = await pass(now);
    const en = one(mails, emp1);
    expect(en.subject).toBe('New training: Client Confidentiality');
    expect(en.contentLanguage).toBe('en');
    expect(en.text).toContain('Hello Erin One,');
    expect(en.html).toContain('<a href="');
    await opens(en, emp1, 'en', 'Client Confidentiality');
    const zh = one(mails, emp2);
    expect(zh.subject).toBe('新培训：客户资料保密');
    expect(zh.contentLanguage).toBe('zh-CN');
    expect(zh.text).toContain('王二，您好：');
    await opens(zh, emp2, 'zh-cn', '客户资料保密');
    expect(one(mails, emp3).subject).toBe('New training: Retention, Archiving and Destruction of Client Records');
    expect(one(mails, emp4).subject).toBe('New training: Client Confidentiality');
    // emp5 chose a daily digest: held until the digest hour
    expect(to(mails, emp5)).toHaveLength(0);
    expect(mails).toHaveLength(4);

    expect(await pass(now)).toHaveLength(0);
    expect(await pass()).toHaveLength(0);
  });

  it('signing an audit mails its auditor the verification code; a new owner of an action is told it is theirs', async () => {
    const res = await auditor.client.fetch('/api/audits', { method: 'POST', json: { checklist: checklist.slug, title: 'Spring drill', site: 'HQ' } });
    auditId = ((await res.json()) as { id: string }).id;
    await Promise.all(items.map((item, i) => auditor.client.fetch(`/api/audits/${auditId}/responses/${item.id}`, { method: 'PUT', json: { result: ['fail', 'partial'][i] ?? 'pass', note: i < 2 ? 'seen' : '' } })));
    const signed = await auditor.client.fetch(`/api/audits/${auditId}/sign`, { method: 'POST', json: { password: auditor.password } });
    expect(signed.status).toBe(200);
    verificationCode = ((await signed.json()) as { verificationCode: string }).verificationCode;
    const actions = await server.db.select().from(correctiveActions).where(eq(correctiveActions.auditId, auditId)).orderBy(correctiveActions.itemId);
    expect(actions.length).toBe(2);
    [actionA, actionB] = [actions[0]!.id, actions[1]!.id];
    const patch = (id: string, body: unknown) => auditor.client.fetch(`/api/actions/${id}`, { method: 'PATCH', json: body });
    expect((await patch(actionA, { owner: emp1.email, dueAt: T0 + 27 * DAY })).status).toBe(200);
    expect((await patch(actionB, { owner: emp3.email, dueAt: T0 + 10 * DAY })).status).toBe(200);

    const mails = await pass();
    const signedMail = one(mails, auditor);
    expect(signedMail.subject).toBe('Audit signed: Spring drill');
    expect(signedMail.text).toContain(verificationCode);
    await opens(signedMail, auditor, 'en', 'Spring drill');
    const owned = one(mails, emp1);
    expect(owned.subject).toBe(`Corrective action for you: ${actions[0]!.title}`);
    await opens(owned, emp1, 'en', actions[0]!.title);
    expect(one(mails, emp3).subject).toBe(`Corrective action for you: ${actions[1]!.title}`);
    expect(mails).toHaveLength(3);
  });

  it('reminds 14 days before, and the daily-digest reader gets what was held', async () => {
    const mails = await pass(T0 + 6.5 * DAY);
    expect(one(mails, emp1).subject).toBe('Due in 14 days: Client Confidentiality');
    const zh = one(mails, emp2);
    expect(zh.subject).toBe('14 天后到期：客户资料保密');
    await opens(zh, emp2, 'zh-cn', '客户资料保密');
    // assigned 10 days before its due date: no 14-day reminder for emp3; emp4 is done
    expect(to(mails, emp3)).toHaveLength(0);
    expect(to(mails, emp4)).toHaveLength(0);
    // the held assignment mail reaches emp5 (its own 14-day reminder waits for the next digest hour)
    expect(one(mails, emp5).subject).toBe('New training: Client Confidentiality');
    expect(mails).toHaveLength(3);
    expect(await pass(T0 + 6.5 * DAY)).toHaveLength(0);
  });

  it('puts reminders that fall due together into one digest: 3 days before the course and the action', async () => {
    const mails = await pass(T0 + 7.5 * DAY);
    const digest = one(mails, emp3);
    expect(digest.subject).toBe('2 reminders from Compliance Academy');
    expect(digest.text).toContain('“Retention, Archiving and Destruction of Client Records” is due on');
    expect(digest.text).toContain('in 3 days');
    expect(digest.text).toMatch(/The corrective action “.+” is due on .+, in 3 days\./);
    const links = linksIn(digest);
    expect(links).toContain(`${server.url}/training/retention-and-destruction`);
    expect(links).toContain(`${server.url}/actions/${actionB}`);
    // emp5's 14-day reminder, held for the digest hour, is due now
    expect(one(mails, emp5).subject).toBe('Due in 14 days: Client Confidentiality');
    expect(mails).toHaveLength(2);
  });

  it('mails overdue people on the first day and weekly; from 7 days the manager gets one weekly digest', async () => {
    let mails = await pass(T0 + 21 * DAY);
    const e1 = one(mails, emp1);
    // emp1: their own overdue course, and emp3 (their report) 11 days overdue
    expect(e1.subject).toBe('2 reminders from Compliance Academy');
    expect(e1.text).toContain('“Client Confidentiality” was due on');
    expect(e1.text).toContain('These people in your team are overdue with their training by 7 days or more:');
    expect(e1.text).toContain('Sam Three: “Retention, Archiving and Destruction of Client Records”');
    expect(one(mails, emp2).subject).toBe('已逾期：客户资料保密');
    // mgr's reports are only 1 day overdue: no digest yet
    expect(to(mails, mgr)).toHaveLength(0);
    expect(await pass(T0 + 21 * DAY)).toHaveLength(0);
    // the next day is the same overdue week: nothing
    expect(to(await pass(T0 + 22 * DAY), emp2)).toHaveLength(0);

    mails = await pass(T0 + 28 * DAY);
    const digest = one(mails, mgr);
    expect(digest.subject).toBe('您的团队：2 项逾期');
    expect(digest.text).toContain('Erin One：“客户资料保密”');
    expect(digest.text).toContain('王二：“客户资料保密”');
    expect(digest.text).not.toContain('Dana Four');
    await opens(digest, mgr, 'zh-cn', 'Erin One');
    expect(digest.text).toContain('已逾期 8 天');
    // emp1: their course a week later, their action a day overdue, and emp3 again: one mail
    const e1b = one(mails, emp1);
    expect(e1b.subject).toBe('3 reminders from Compliance Academy');
    expect(e1b.text).toContain('is 8 days overdue');
    expect(e1b.text).toMatch(/The corrective action “.+” was due on .+ and is 1 days overdue\./);
    expect(one(mails, emp2).subject).toBe('已逾期：客户资料保密');
    expect(await pass(T0 + 28 * DAY)).toHaveLength(0);
  });

  it('a resolved action goes to the audit’s auditor to verify', async () => {
    expect((await emp1.client.fetch(`/api/actions/${actionA}`, { method: 'PATCH', json: { status: 'in_progress' } })).status).toBe(200);
    const res = await emp1.client.fetch(`/api/actions/${actionA}`, { method: 'PATCH', json: { status: 'resolved', comment: 'Fixed the door' } });
    expect(res.status).toBe(200);
    const mails = await pass();
    const m = one(mails, auditor);
    expect(m.subject).toMatch(/^To verify: /);
    expect(m.text).toContain('Erin One marked the corrective action');
    await opens(m, auditor, 'en', 'Fixed the door');
    expect(mails).toHaveLength(1);
  });

  it('warns 30 days before a certificate expires; when it has, the employee and the manager are told', async () => {
    const [c] = await server.db.select().from(completions).where(eq(completions.userId, emp4.id));
    const expiresAt = c!.expiresAt!;
    let mails = await pass(expiresAt - 10 * DAY);
    const warn = one(mails, emp4);
    expect(warn.subject).toBe('Certificate expiring: Client Confidentiality');
    await opens(warn, emp4, 'en', 'Client Confidentiality');
    mails = await pass(expiresAt + DAY);
    expect(one(mails, emp4).subject).toBe('Certificate expired: Client Confidentiality');
    const m = one(mails, mgr);
    // with the week's team digest in the same mail
    expect(m.text).toContain('Dana Four 的“客户资料保密”证书已于');
    await opens(m, mgr, 'zh-cn', 'Dana Four');
    expect(await pass(expiresAt + DAY)).toHaveLength(0);
  });

  it('writes in the language last used, which /me can also set', async () => {
    const locale = async (p: Person) => (await server.db.select({ l: users.locale }).from(users).where(eq(users.id, p.id)))[0]!.l;
    expect(await locale(emp1)).toBe('en');
    expect(await locale(emp2)).toBe('zh-cn');
    const res = await post(emp1.client, '/me', { locale: 'zh-cn', mailDigest: 'immediate' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/zh-cn/me?saved=1');
    expect(await locale(emp1)).toBe('zh-cn');
    const me = await (await emp1.client.fetch('/zh-cn/me')).text();
    expect(me).toContain('<option value="zh-cn" selected');
    expect(me).toContain('马经理');
    const before = sink.mails.length;
    const hrRes = await hr.fetch('/api/hr/assignments', { method: 'POST', json: { course: 'emergency-response', emails: [emp1.email], dueAt: Date.now() + 40 * DAY } });
    expect(hrRes.status).toBe(201);
    await run();
    expect(sink.mails.slice(before).find((m) => m.to === emp1.email)!.subject).toBe('新培训：客户资料安全事件应急响应');
    // using an English page again makes English their language
    expect((await emp1.client.fetch('/training')).status).toBe(200);
    expect(await locale(emp1)).toBe('en');
    // a bad form changes nothing
    expect((await post(emp1.client, '/me', { locale: 'fr', mailDigest: 'immediate' })).status).toBe(400);
    expect(await locale(emp1)).toBe('en');
  });

  it('never sent a mail twice, logged every one in the audit log without its body, and lists them on /me/notifications', async () => {
    const ids = sink.mails.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const sent = await server.db.select().from(outboxMails).where(eq(outboxMails.status, 'sent'));
    expect(sent.length).toBe(sink.mails.length);
    const logged = await server.db.select().from(auditLog).where(eq(auditLog.action, 'mail.sent'));
    expect(logged.length).toBe(sink.mails.length);
    for (const entry of logged) {
      expect(entry.details).not.toContain('Hello');
      expect(entry.details).not.toContain('您好');
      expect(JSON.parse(entry.details).items.length).toBeGreaterThan(0);
    }
    // every notification is in exactly one mail
    expect(await server.db.select().from(notifications).where(eq(notifications.userId, emp1.id))).not.toContainEqual(expect.objectContaining({ mailId: null }));
    const page = await (await emp1.client.fetch('/me/notifications')).text();
    expect(page).toContain('data-kind="training.assigned" data-status="sent"');
    expect(page).toContain('data-kind="action.overdue" data-status="sent"');
    expect(page).toContain('data-kind="team.overdue" data-status="sent"');
    expect(page).not.toContain('Dana Four'); // the manager's, not theirs
    const zh = await (await emp2.client.fetch('/zh-cn/me/notifications')).text();
    expect(zh).toContain('新培训：客户资料保密');
    expect(zh).toContain('已发送');
    // assignments still there and untouched by any of it
    expect((await server.db.select().from(assignments).where(and(eq(assignments.userId, emp1.id), like(assignments.courseSlug, 'conf%')))).length).toBe(1);
  });
});
