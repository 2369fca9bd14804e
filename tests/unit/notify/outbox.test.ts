// The outbox against a real libSQL file: recording once per dedup key, one mail per person, and the
// sender's retries, waits and failure, with a transport that answers as the test tells it.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications, outboxMails, users } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/manage-users.ts';
import { systemActor } from '../../../src/lib/auth/permissions.ts';
import type { Db } from '../../../src/lib/db/client.ts';
import { writeTransaction } from '../../../src/lib/db/write.ts';
import { newId } from '../../../src/lib/ids.ts';
import { composeMails } from '../../../src/lib/notify/compose-mails.ts';
import { enqueueMail } from '../../../src/lib/notify/enqueue-mail.ts';
import { recoverOrphans, retryDelay, sendDueMails } from '../../../src/lib/notify/send-mails.ts';
import type { MailTransport, OutgoingMail } from '../../../src/lib/notify/smtp-transport.ts';
import { tempDb } from '../../support/db.ts';

const T = Date.UTC(2026, 2, 2, 9); // a Monday, 09:00 UTC
let t: Awaited<ReturnType<typeof tempDb>>;
let db: Db;
const person = async (name: string, o: { digest?: 'daily'; active?: boolean } = {}) => {
  const id = await createUser(db, { user: { email: `${newId(6)}@outbox.example`, name, role: 'employee' }, password: `pw-${newId(16)}`, actor: systemActor });
  if (o.digest) await db.update(users).set({ mailDigest: 'daily' }).where(eq(users.id, id));
  if (o.active === false) await db.update(users).set({ active: false }).where(eq(users.id, id));
  return id;
};
const enqueue = (to: string, dedupKey: string, now = T) =>
  writeTransaction(db, (tx) => enqueueMail(tx, { to, kind: 'training.assigned', dedupKey, link: '/training/confidentiality', params: { courseSlug: 'confidentiality', dueAt: T + 30 * 86_400_000 }, now }));
const compose = (now = T) => composeMails(db, { now, publicUrl: 'https://lms.example.com', mailDomain: 'lms.example.com' });

/** A transport that answers each send with the next scripted answer: 'ok', or an error like nodemailer's. */
function scripted(answers: ('ok' | { responseCode: number; response: string } | { code: string; message: string })[]) {
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = {
    send: async (m) => {
      const a = answers.shift() ?? 'ok';
      if (a !== 'ok') throw Object.assign(new Error('response' in a ? a.response : a.message), a);
      sent.push(m);
      return { response: '250 OK queued' };
    },
    close: () => {},
  };
  return { transport, sent };
}
const send = (transport: MailTransport, now: number) => sendDueMails(db, { now, transport, from: 'LMS <lms@example.com>', maxAttempts: 3, retryMs: 60_000 });

beforeAll(async () => {
  t = await tempDb();
  db = t.db;
});
afterAll(() => t.close());

describe('recording notifications', () => {
  it('records a dedup key once, and nothing for a deactivated person', async () => {
    const pat = await person('Pat');
    expect(await enqueue(pat, 'k:pat:1')).toBe(true);
    expect(await enqueue(pat, 'k:pat:1')).toBe(false);
    expect(await db.select().from(notifications).where(eq(notifications.dedupKey, 'k:pat:1'))).toHaveLength(1);
    const gone = await person('Gone', { active: false });
    expect(await enqueue(gone, 'k:gone:1')).toBe(false);
  });

  it('bundles what is pending for one person into one mail, and holds a daily reader’s until 06:00 UTC', async () => {
    const sam = await person('Sam');
    const dee = await person('Dee', { digest: 'daily' });
    await enqueue(sam, 'k:sam:1');
    await enqueue(sam, 'k:sam:2');
    await enqueue(dee, 'k:dee:1');
    await compose();
    const samMails = await db.select().from(outboxMails).where(eq(outboxMails.userId, sam));
    expect(samMails.map((m) => m.subject)).toEqual(['2 reminders from Compliance Academy']);
    expect(await db.select().from(outboxMails).where(eq(outboxMails.userId, dee))).toHaveLength(0);
    await compose(Date.UTC(2026, 2, 3, 5, 59));
    expect(await db.select().from(outboxMails).where(eq(outboxMails.userId, dee))).toHaveLength(0);
    await compose(Date.UTC(2026, 2, 3, 6));
    expect(await db.select().from(outboxMails).where(eq(outboxMails.userId, dee))).toHaveLength(1);
    // composing again finds nothing new
    expect(await compose(Date.UTC(2026, 2, 3, 7))).toBe(0);
  });
});

describe('sending', () => {
  it('waits 1, 2, 4 … times the retry time between tries', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(60_000, n))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelay(60_000, 40)).toBe(24 * 3600 * 1000);
  });

  it('retries a refused mail after its wait, marks it failed after the last try with the answers, and logs only what was sent', async () => {
    await db.delete(notifications);
    await db.delete(outboxMails);
    const pat = await person('Retry Pat');
    await enqueue(pat, 'k:retry:1');
    await compose();
    const s = scripted([{ responseCode: 451, response: '451 4.3.0 Try later' }, { responseCode: 554, response: '554 5.7.1 Denied' }, { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:2525' }]);
    expect(await send(s.transport, T)).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
    // before the wait is over nothing is tried
    expect(await send(s.transport, T + 59_999)).toMatchObject({ sent: 0, retrying: 0 });
    expect(await send(s.transport, T + 60_000)).toMatchObject({ retrying: 1 });
    expect(await send(s.transport, T + 60_000 + 120_000)).toMatchObject({ failed: 1 });
    const [m] = await db.select().from(outboxMails);
    expect(m).toMatchObject({ status: 'failed', attempts: 3, lastError: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:2525' });
    expect(JSON.parse(m!.attemptLog).map((a: { error: string }) => a.error)).toEqual(['451 4.3.0 Try later', '554 5.7.1 Denied', 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:2525']);
    expect(s.sent).toHaveLength(0);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'mail.sent'))).toHaveLength(0);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'mail.failed'))).toHaveLength(1);
  });

  it('puts a mail left "sending" by a dead sender back in the queue, sends it with the same Message-ID, and logs it without its body', async () => {
    await db.delete(notifications);
    await db.delete(outboxMails);
    const pat = await person('Orphan Pat');
    await enqueue(pat, 'k:orphan:1');
    await compose();
    await db.update(outboxMails).set({ status: 'sending' });
    const [before] = await db.select().from(outboxMails);
    expect(await recoverOrphans(db)).toBe(1);
    const s = scripted(['ok']);
    expect(await send(s.transport, T)).toMatchObject({ sent: 1 });
    expect(s.sent[0]!.messageId).toBe(before!.messageId);
    expect(s.sent[0]!.locale).toBe('en');
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'mail.sent'));
    expect(JSON.parse(entry!.details)).toMatchObject({ to: pat, items: [{ kind: 'training.assigned', thing: null }], response: '250 OK queued' });
    expect(entry!.details).not.toContain('Hello');
    // sent is final: another run sends nothing
    expect(await send(s.transport, T + 3_600_000)).toMatchObject({ sent: 0 });
  });
});
