// The sender under trouble, against a real SMTP server (smtp-server): killed in the middle of a
// batch, then run again; a server answering 4xx, then 5xx, then gone. Nothing doubled, nothing lost.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, jobLeases, outboxMails } from '../../db/schema.ts';
import { notifyRun, spawnNotifyRun } from '../support/notify.ts';
import { startServer, type Client, type TestServer } from '../support/server.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

const DAY = 24 * 60 * 60 * 1000;
// long enough that a second process, starting up on a busy machine, still finds the dead one's lease
const LEASE_MS = 10_000;

async function assignTo(hr: Client, emails: string[], course = 'confidentiality') {
  const res = await hr.fetch('/api/hr/assignments', { method: 'POST', json: { course, emails, dueAt: Date.now() + 40 * DAY } });
  expect(res.status).toBe(201);
}

describe('killing the sender in the middle of a batch', { timeout: 180_000 }, () => {
  let server: TestServer;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startServer({ env: { LMS_NOTIFY_INTERVAL_MS: '0' } });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.close();
  });

  it('delivers every mail exactly once when run again', async () => {
    const hr = await server.login(await server.user('hr'));
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => server.user('employee', { name: `Batch ${i}` })));
    await assignTo(hr, people.map((p) => p.email));
    const env = { dataDir: server.dataDir, smtpUrl: sink.url, publicUrl: server.url, env: { LMS_NOTIFY_LEASE_MS: String(LEASE_MS) } };

    // the third mail's data arrives; before the server answers, the sender process is killed
    const first = spawnNotifyRun(env);
    sink.onMessage((n) => {
      if (n !== 3) return true;
      first.child.kill('SIGKILL');
      return false;
    });
    const killed = await first.done;
    sink.onMessage(null);
    expect(killed.signal).toBe('SIGKILL');
    expect(sink.mails).toHaveLength(2);
    const states = await server.db.select({ status: outboxMails.status }).from(outboxMails);
    expect(states.filter((s) => s.status === 'sent')).toHaveLength(2);
    expect(states.filter((s) => s.status === 'sending')).toHaveLength(1);
    expect(states.filter((s) => s.status === 'queued')).toHaveLength(5);

    // the dead process still holds the lease for a moment: a run now does nothing
    expect(await notifyRun(env)).toContain('Another process holds the notify lease');
    const [lease] = await server.db.select().from(jobLeases).where(eq(jobLeases.name, 'notify'));
    await new Promise((r) => setTimeout(r, Math.max(0, lease!.expiresAt - Date.now()) + 100));
    const out = await notifyRun(env);
    expect(out).toContain('Sent 6, to retry 0, failed 0, recovered 1 interrupted.');
    expect(sink.mails.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
    expect(new Set(sink.mails.map((m) => m.messageId)).size).toBe(8);
    // and a third run has nothing left to send
    await notifyRun(env);
    expect(sink.mails).toHaveLength(8);
    expect(await server.db.select().from(auditLog).where(eq(auditLog.action, 'mail.sent'))).toHaveLength(8);
  });
});

describe('an SMTP server answering 4xx, then 5xx, then gone', { timeout: 180_000 }, () => {
  let server: TestServer;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    // LMS_CHECKPOINT_MINUTES 0: no audit-log checkpoint mails to admins among the mails counted here
    server = await startServer({ env: { LMS_NOTIFY_INTERVAL_MS: '0', LMS_SMTP_URL: sink.url, LMS_CHECKPOINT_MINUTES: '0' } });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.close();
  });

  it('retries with growing waits, then shows the mail failed with the answers to admins, and loses nothing', async () => {
    const admin = await server.login(await server.user('admin'));
    const hr = await server.login(await server.user('hr'));
    const emp = await server.user('employee', { name: 'Retry Person' });
    const empClient = await server.login(emp);
    await assignTo(hr, [emp.email]);
    const env = { dataDir: server.dataDir, smtpUrl: sink.url, publicUrl: server.url, env: { LMS_MAIL_MAX_ATTEMPTS: '3', LMS_MAIL_RETRY_MS: '60000' } };
    const mail = async () => (await server.db.select().from(outboxMails))[0]!;
    const T = Date.now();

    sink.setMode({ kind: 'reject', code: 451, message: '4.3.0 Mailbox busy, try later' });
    expect(await notifyRun(env, T)).toContain('Sent 0, to retry 1, failed 0');
    expect(sink.received()).toBe(1);
    expect(await mail()).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: T + 60_000 });
    expect((await mail()).lastError).toContain('451');

    // not due again until the wait is over
    await notifyRun(env, T + 30_000);
    expect(sink.received()).toBe(1);

    sink.setMode({ kind: 'reject', code: 554, message: '5.7.1 Relaying denied' });
    expect(await notifyRun(env, T + 61_000)).toContain('to retry 1');
    expect(sink.received()).toBe(2);
    // the wait doubles
    expect(await mail()).toMatchObject({ status: 'queued', attempts: 2, nextAttemptAt: T + 61_000 + 120_000 });

    const port = sink.port;
    await sink.close();
    expect(await notifyRun(env, T + 200_000)).toContain('failed 1');
    const failed = await mail();
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(sink.mails).toHaveLength(0);

    // admins see it with the server's answers; the person sees it failed
    const page = await (await admin.fetch('/admin')).text();
    expect(page).toContain(`data-status="failed" data-to="${emp.email}"`);
    expect(page).toContain('451 4.3.0 Mailbox busy, try later');
    expect(page).toContain('554 5.7.1 Relaying denied');
    expect(page).toContain('ECONNREFUSED');
    expect(await (await empClient.fetch('/me/notifications')).text()).toContain('data-status="failed"');
    expect(await server.db.select().from(auditLog).where(eq(auditLog.action, 'mail.failed'))).toHaveLength(1);

    // the server is back; a failed mail stays failed until an admin asks to try again, then goes once
    sink = await startSmtpSink({ port });
    await notifyRun(env, T + 300_000);
    expect(sink.received()).toBe(0);
    const retry = await admin.fetch('/admin', { method: 'POST', body: new URLSearchParams({ op: 'retryMail' }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url } });
    expect(retry.status).toBe(303);
    await notifyRun(env);
    await notifyRun(env);
    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0]).toMatchObject({ to: emp.email, subject: 'New training: Client Confidentiality' });
    expect(await mail()).toMatchObject({ status: 'sent' });
  });
});

describe('without LMS_SMTP_URL', { timeout: 120_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { LMS_NOTIFY_INTERVAL_MS: '0' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('keeps mails in the outbox, sends nothing, and lists them for admins', async () => {
    const admin = await server.login(await server.user('admin'));
    const hr = await server.login(await server.user('hr'));
    const emp = await server.user('employee', { name: 'Kept Person' });
    await assignTo(hr, [emp.email]);
    expect(await notifyRun({ dataDir: server.dataDir, publicUrl: server.url })).toContain('No mail server configured (LMS_SMTP_URL): mails stay in the outbox.');
    const page = await (await admin.fetch('/admin')).text();
    expect(page).toContain('data-testid="mail-not-configured"');
    expect(page).toContain(`data-status="queued" data-to="${emp.email}"`);
    expect(page).toContain('New training: Client Confidentiality');
  });
});
