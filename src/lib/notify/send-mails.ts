// Drains the outbox: each due mail is claimed, handed to the SMTP server, and marked sent only
// after the server accepted it. A failed try is retried later with a doubling wait; after the last
// try the mail is marked failed with the server's answer, for admins to see. Nothing is dropped.
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { notifications, outboxMails } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { appendLog } from '../log/append-log.ts';
import { describeSendError, type MailTransport } from './smtp-transport.ts';

export type SendOptions = {
  now: number;
  transport: MailTransport;
  from: string;
  maxAttempts: number;
  retryMs: number;
  /** Called before each mail; false (the lease was lost) stops the run. */
  stillMine?: () => Promise<boolean>;
  /** Who sends (the lease holder), named in the audit log. */
  sender?: string;
};

export type SendResult = { sent: number; retrying: number; failed: number; recovered: number };

/** The wait before try number `attempts + 1`: retryMs, then doubling, at most a day. */
export function retryDelay(retryMs: number, attempts: number): number {
  return Math.min(retryMs * 2 ** Math.max(0, attempts - 1), 24 * 3600 * 1000);
}

/**
 * Mails left 'sending' by a sender that died mid-try go back to the queue. Call only while holding
 * the notify lease: then no other sender is alive, so every 'sending' row is an orphan. (The SMTP
 * server may have accepted such a mail just before the crash; it is resent with the same Message-ID.)
 */
export async function recoverOrphans(db: Db): Promise<number> {
  const r = await writeTransaction(db, (tx) => tx.update(outboxMails).set({ status: 'queued' }).where(eq(outboxMails.status, 'sending')));
  return r.rowsAffected;
}

/** Sends every queued mail due by `now`, one at a time, oldest first. */
export async function sendDueMails(db: Db, o: SendOptions): Promise<SendResult> {
  const result: SendResult = { sent: 0, retrying: 0, failed: 0, recovered: await recoverOrphans(db) };
  const tried = new Set<string>();
  for (;;) {
    const page = await db
      .select({ id: outboxMails.id })
      .from(outboxMails)
      .where(and(eq(outboxMails.status, 'queued'), lte(outboxMails.nextAttemptAt, o.now)))
      .orderBy(asc(outboxMails.nextAttemptAt), asc(outboxMails.id))
      .limit(100);
    const todo = page.filter((p) => !tried.has(p.id));
    if (todo.length === 0) return result;
    for (const { id } of todo) {
      tried.add(id);
      if (o.stillMine && !(await o.stillMine())) return result;
      // the claim is a compare-and-set: of two senders only one moves the row to 'sending'
      const [mail] = await writeTransaction(db, (tx) =>
        tx.update(outboxMails).set({ status: 'sending' }).where(and(eq(outboxMails.id, id), eq(outboxMails.status, 'queued'))).returning(),
      );
      if (!mail) continue;
      let response: string;
      try {
        ({ response } = await o.transport.send({ from: o.from, to: mail.toAddress, subject: mail.subject, text: mail.bodyText, html: mail.bodyHtml, messageId: mail.messageId, locale: mail.locale }));
      } catch (err) {
        const error = describeSendError(err);
        const attempts = mail.attempts + 1;
        const failed = attempts >= o.maxAttempts;
        const log = [...(JSON.parse(mail.attemptLog) as unknown[]), { at: o.now, error }];
        await writeTransaction(db, async (tx) => {
          await tx
            .update(outboxMails)
            .set({ status: failed ? 'failed' : 'queued', attempts, lastError: error, attemptLog: JSON.stringify(log), nextAttemptAt: failed ? mail.nextAttemptAt : o.now + retryDelay(o.retryMs, attempts) })
            .where(eq(outboxMails.id, mail.id));
          if (failed) await appendLog(tx, { actorId: null, action: 'mail.failed', subjectType: 'mail', subjectId: mail.id, details: { to: mail.userId, attempts, error, asOf: o.now } });
        });
        if (failed) result.failed++;
        else result.retrying++;
        continue;
      }
      await writeTransaction(db, async (tx) => {
        // the log and sent_at keep the real time; `now` (notify run --now) is the clock reminders go by
        await tx.update(outboxMails).set({ status: 'sent', sentAt: Date.now(), attempts: mail.attempts + 1 }).where(eq(outboxMails.id, mail.id));
        const items = await tx.select({ kind: notifications.kind, subjectType: notifications.subjectType, subjectId: notifications.subjectId }).from(notifications).where(eq(notifications.mailId, mail.id));
        await appendLog(tx, {
          actorId: null,
          action: 'mail.sent',
          subjectType: 'mail',
          subjectId: mail.id,
          details: { to: mail.userId, address: mail.toAddress, items: items.map((i) => ({ kind: i.kind, thing: i.subjectType ? `${i.subjectType}:${i.subjectId}` : null })), response: response.slice(0, 200), sender: o.sender ?? null, asOf: o.now },
        });
      });
      result.sent++;
    }
  }
}

/** Puts failed mails back in the queue (an admin's "try again"); returns how many. */
export async function requeueFailed(db: Db, o: { actor: Actor; ids?: string[]; now?: number }): Promise<number> {
  assertCan(o.actor, 'admin.users');
  const now = o.now ?? Date.now();
  return writeTransaction(db, async (tx) => {
    const where = o.ids ? and(eq(outboxMails.status, 'failed'), inArray(outboxMails.id, o.ids)) : eq(outboxMails.status, 'failed');
    const r = await tx.update(outboxMails).set({ status: 'queued', attempts: 0, nextAttemptAt: now }).where(where);
    if (r.rowsAffected > 0) await appendLog(tx, { actorId: o.actor.id, action: 'mail.requeue', subjectType: 'mail', details: { count: r.rowsAffected } });
    return r.rowsAffected;
  });
}
