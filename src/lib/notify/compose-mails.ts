// Bundles each person's pending notifications into one mail in their language: reminders that
// fall due together arrive as one digest, not a burst. Works through people in pages.
import { and, asc, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { notifications, outboxMails, users } from '../../../db/schema.ts';
import { isLocale } from '../../i18n/index.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { newId } from '../ids.ts';
import { renderMail } from './render-mail.ts';

export type ComposeOptions = { now: number; publicUrl: string; mailDomain: string; pageSize?: number; stillMine?: () => Promise<boolean> };

/** Writes one outbox mail per person with notifications due by `now`; returns how many mails. */
export async function composeMails(db: Db, o: ComposeOptions): Promise<number> {
  const pageSize = o.pageSize ?? 200;
  let cursor = '';
  let mails = 0;
  for (;;) {
    if (o.stillMine && !(await o.stillMine())) return mails;
    const people = await db
      .selectDistinct({ userId: notifications.userId })
      .from(notifications)
      .where(and(isNull(notifications.mailId), gt(notifications.userId, cursor), lte(notifications.deliverAfter, o.now)))
      .orderBy(asc(notifications.userId))
      .limit(pageSize);
    if (people.length === 0) return mails;
    cursor = people[people.length - 1]!.userId;
    const ids = people.map((p) => p.userId);
    mails += await writeTransaction(db, async (tx) => {
      const readers = await tx.select({ id: users.id, email: users.email, name: users.name, locale: users.locale, active: users.active }).from(users).where(inArray(users.id, ids));
      const pending = await tx
        .select()
        .from(notifications)
        .where(and(isNull(notifications.mailId), inArray(notifications.userId, ids), lte(notifications.deliverAfter, o.now)))
        .orderBy(asc(notifications.createdAt), asc(notifications.id));
      const mails: (typeof outboxMails.$inferInsert)[] = [];
      let claimedItems = 0;
      for (const reader of readers) {
        if (!reader.active) continue;
        const items = pending.filter((n) => n.userId === reader.id);
        if (items.length === 0) continue;
        const locale = isLocale(reader.locale) ? reader.locale : 'en';
        const mail = renderMail({ locale, name: reader.name, publicUrl: o.publicUrl, items: items.map((n) => ({ kind: n.kind, link: n.link, params: JSON.parse(n.params) })) });
        const id = newId();
        mails.push({ id, userId: reader.id, toAddress: reader.email, locale, subject: mail.subject, bodyText: mail.text, bodyHtml: mail.html, messageId: `<${id}@${o.mailDomain}>`, status: 'queued', nextAttemptAt: o.now, createdAt: o.now });
        claimedItems += items.length;
      }
      if (mails.length === 0) return 0;
      for (let i = 0; i < mails.length; i += 50) await tx.insert(outboxMails).values(mails.slice(i, i + 50));
      // each pending notification of these people goes into their mail, in one statement per chunk
      let claimed = 0;
      for (let i = 0; i < mails.length; i += 200) {
        const part = mails.slice(i, i + 200);
        const pairs = sql.join(part.map((m) => sql`(${m.userId}, ${m.id})`), sql`, `);
        const r = await tx.run(sql`
          UPDATE notifications SET mail_id = m.column2
          FROM (VALUES ${pairs}) AS m
          WHERE notifications.user_id = m.column1 AND notifications.mail_id IS NULL AND notifications.deliver_after <= ${o.now}`);
        claimed += r.rowsAffected;
      }
      // another composer took some of them meanwhile (or added some): give this page up whole rather than split a digest
      if (claimed !== claimedItems) throw new Error('notifications were composed concurrently');
      return mails.length;
    });
  }
}

/** The domain part for Message-IDs: the public URL's host. */
export function mailDomainOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

