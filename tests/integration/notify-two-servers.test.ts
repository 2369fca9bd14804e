// Two app server processes on one database file, each running its scheduler, side by side.
// The issue asks for a minute; here each runs a pass every 200 ms for 25 s (over a hundred passes
// each, more contention than a minute at the production interval) while people keep being assigned
// courses through both servers. No mail may be doubled and none lost.
import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, auditLog, notifications, outboxMails, users } from '../../db/schema.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

const DAY = 24 * 60 * 60 * 1000;
const RUN_MS = 25_000;

let a: TestServer;
let b: TestServer;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  // LMS_CHECKPOINT_MINUTES 0: no audit-log checkpoint mails to admins among the mails counted here
  const env = { LMS_NOTIFY_INTERVAL_MS: '200', LMS_SMTP_URL: sink.url, LMS_NOTIFY_LEASE_MS: '10000', LMS_CHECKPOINT_MINUTES: '0' };
  a = await startServer({ env: { ...env, LMS_NOTIFY_INTERVAL_MS: '0' } });
  // everyone overdue by 8 days, with managers: reminders and weekly digests for both schedulers to find
  const mgrs = await Promise.all(Array.from({ length: 3 }, (_, i) => a.user('employee', { name: `Manager ${i}` })));
  const staff = await Promise.all(Array.from({ length: 30 }, (_, i) => a.user('employee', { name: `Staff ${String(i).padStart(2, '0')}`, department: 'Audit' })));
  for (const [i, s] of staff.entries()) await a.db.update(users).set({ managerId: mgrs[i % 3]!.id }).where(eq(users.id, s.id));
  const hr = await a.login(await a.user('hr'));
  const res = await hr.fetch('/api/hr/assignments', { method: 'POST', json: { course: 'confidentiality', department: 'Audit', dueAt: Date.now() + DAY } });
  expect(res.status).toBe(201);
  await a.db.update(assignments).set({ dueAt: Date.now() - 8 * DAY });
  await a.stop();
  // now both servers on that one database file, schedulers on
  a = await startServer({ dataDir: a.dataDir, env });
  b = await startServer({ dataDir: a.dataDir, env });
}, 180_000);
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await sink?.close();
});

describe('two app servers with their schedulers on one database', () => {
  it('send every mail exactly once while both keep working', { timeout: 180_000 }, async () => {
    const hrA = await a.login(await a.user('hr'));
    const hrB = await b.login({ ...(await b.user('hr')) });
    const joiners: string[] = [];
    const end = Date.now() + RUN_MS;
    for (let i = 0; Date.now() < end; i++) {
      const server = i % 2 === 0 ? a : b;
      const hr = i % 2 === 0 ? hrA : hrB;
      const u = await server.user('employee', { name: `Joiner ${i}` });
      joiners.push(u.email);
      const res = await hr.fetch('/api/hr/assignments', { method: 'POST', json: { course: 'emergency-response', emails: [u.email], dueAt: Date.now() + 30 * DAY } });
      expect(res.status).toBe(201);
      await new Promise((r) => setTimeout(r, 300));
    }
    // let the schedulers drain what is left
    const deadline = Date.now() + 60_000;
    for (;;) {
      const pending = await a.db.select({ id: notifications.id }).from(notifications).where(isNull(notifications.mailId));
      const unsent = (await a.db.select({ status: outboxMails.status }).from(outboxMails)).filter((m) => m.status !== 'sent');
      if (pending.length === 0 && unsent.length === 0) break;
      if (Date.now() > deadline) throw new Error(`not drained: ${pending.length} pending, ${unsent.length} unsent`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 1000));

    const mails = await a.db.select().from(outboxMails);
    // the sink got each mail once, and only those
    expect(sink.mails.length).toBe(mails.length);
    expect(new Set(sink.mails.map((m) => m.messageId))).toEqual(new Set(mails.map((m) => m.messageId)));
    // each of the 30 overdue people heard of it once, and each manager got one digest naming their 10
    for (let i = 0; i < 30; i++) {
      const name = `Staff ${String(i).padStart(2, '0')}`;
      const about = sink.mails.filter((m) => m.text.startsWith(`Hello ${name},`) && m.text.includes('“Client Confidentiality” was due on'));
      expect(about, name).toHaveLength(1);
    }
    const digests = sink.mails.filter((m) => m.text.includes('These people in your team are overdue'));
    expect(digests).toHaveLength(3);
    for (const d of digests) expect(d.text.match(/Staff \d\d: /g)).toHaveLength(10);
    // every joiner got their assignment mail exactly once
    for (const email of joiners) expect(sink.mails.filter((m) => m.to === email && m.subject === 'New training: Emergency Response for Client Data Incidents'), email).toHaveLength(1);
    // both processes took turns at sending
    const senders = new Set((await a.db.select().from(auditLog).where(eq(auditLog.action, 'mail.sent'))).map((e) => String(JSON.parse(e.details).sender).split('-')[0]));
    expect(senders.size).toBe(2);
    expect(joiners.length).toBeGreaterThan(20);
  });
});
