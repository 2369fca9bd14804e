// What was mailed to a person (/me/notifications), and the outbox for admins (/admin).
import { count, desc, eq, sql } from 'drizzle-orm';
import { notifications, outboxMails, users } from '../../../db/schema.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';

export type MyNotification = { id: string; kind: string; link: string; params: Record<string, unknown>; createdAt: number; mailStatus: 'pending' | 'queued' | 'sending' | 'sent' | 'failed'; sentAt: number | null; subject: string | null };

/** The actor's own notifications, newest first, with the state of the mail each went in. */
export async function listMyNotifications(db: Db, actor: { id: string }, o: { limit?: number } = {}): Promise<MyNotification[]> {
  const rows = await db
    .select({ id: notifications.id, kind: notifications.kind, link: notifications.link, params: notifications.params, createdAt: notifications.createdAt, status: outboxMails.status, sentAt: outboxMails.sentAt, subject: outboxMails.subject })
    .from(notifications)
    .leftJoin(outboxMails, eq(outboxMails.id, notifications.mailId))
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(o.limit ?? 200);
  return rows.map((r) => ({ id: r.id, kind: r.kind, link: r.link, params: JSON.parse(r.params), createdAt: r.createdAt, mailStatus: r.status ?? 'pending', sentAt: r.sentAt, subject: r.subject }));
}

export type OutboxRow = { id: string; to: string; name: string; subject: string; status: string; attempts: number; lastError: string | null; attemptLog: { at: number; error: string }[]; createdAt: number; sentAt: number | null };
export type OutboxView = { counts: { queued: number; sending: number; sent: number; failed: number }; rows: OutboxRow[] };

/** The outbox for admins: counts by status and the latest mails, failed first, then waiting, then sent. */
export async function listOutbox(db: Db, actor: Pick<Actor, 'role'>, o: { limit?: number } = {}): Promise<OutboxView> {
  assertCan(actor, 'admin.users');
  const byStatus = await db.select({ status: outboxMails.status, n: count() }).from(outboxMails).groupBy(outboxMails.status);
  const counts = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const s of byStatus) counts[s.status] = s.n;
  const rows = await db
    .select({ id: outboxMails.id, to: outboxMails.toAddress, name: users.name, subject: outboxMails.subject, status: outboxMails.status, attempts: outboxMails.attempts, lastError: outboxMails.lastError, attemptLog: outboxMails.attemptLog, createdAt: outboxMails.createdAt, sentAt: outboxMails.sentAt })
    .from(outboxMails)
    .innerJoin(users, eq(users.id, outboxMails.userId))
    .orderBy(sql`CASE ${outboxMails.status} WHEN 'failed' THEN 0 WHEN 'sent' THEN 2 ELSE 1 END`, desc(outboxMails.createdAt))
    .limit(o.limit ?? 100);
  return { counts, rows: rows.map((r) => ({ ...r, attemptLog: JSON.parse(r.attemptLog) })) };
}

