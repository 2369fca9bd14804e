// The one way any part of the product asks for a mail to be sent to a person.
import { eq, inArray } from 'drizzle-orm';
import { notifications, users } from '../../../db/schema.ts';
import type { Tx } from '../db/client.ts';
import { newId } from '../ids.ts';
import { deliverAfter } from './periods.ts';

export type MailParam = string | number | null | Array<Record<string, string | number | null>>;

export type EnqueueMailInput = {
  /** The recipient's user id (an active user). */
  to: string;
  /**
   * What it is about, e.g. 'training.assigned'. The mail's texts are the UI strings
   * `notify.<kind>.subject` (a mail about it alone) and `notify.<kind>.line` (its paragraph, also in
   * a digest), in both catalogs; add them to src/i18n/messages/notify.ts or your area's file.
   */
  kind: string;
  /**
   * Unique in the database: the same key is recorded once however often it is enqueued, so name the
   * person, the thing, the kind and the period, e.g. `overdue:<assignmentId>:<dueAt>:<week>`.
   */
  dedupKey: string;
  /** Path inside the app the mail links to, without a locale prefix, e.g. '/actions/abc'. */
  link: string;
  /**
   * Filled into the texts' `{name}` placeholders when the mail is written, in the reader's language:
   * numbers under a key ending in `At` are times (ms) shown as dates; `courseSlug` also gives `{course}`,
   * the course title in the reader's language. An array is a list, each entry written with `notify.<kind>.item`.
   */
  params?: Record<string, MailParam>;
  /** The thing it is about, for the audit log entry when the mail is sent. */
  subject?: { type: string; id: string };
  /** Mandatory training reminders: never suppressed by a preference. */
  mandatory?: boolean;
  /** The decision time (defaults to now; `notify run --now` moves it). */
  now?: number;
};

/**
 * Queues a mail to one person inside the caller's write transaction, so it exists exactly when the
 * event that causes it is committed. Returns false when that dedup key was already recorded. Mails
 * go out on the next pass of the scheduler (`notify run`), bundled with whatever else is pending for
 * that person; people who chose a daily digest get it at the digest hour.
 */
export async function enqueueMail(tx: Tx, m: EnqueueMailInput): Promise<boolean> {
  const now = m.now ?? Date.now();
  const [user] = await tx.select({ active: users.active, mailDigest: users.mailDigest }).from(users).where(eq(users.id, m.to));
  if (!user?.active) return false;
  return (await enqueueMany(tx, [{ ...m, digest: user.mailDigest }], now)) === 1;
}

export type BulkNotification = Omit<EnqueueMailInput, 'now'> & { digest?: 'immediate' | 'daily' };

/**
 * Many at once (the scheduler, a bulk assignment), in the caller's transaction; returns how many were
 * new. Without `digest` the recipient's preference is read; recipients must be active users.
 */
export async function enqueueMany(tx: Tx, items: BulkNotification[], now: number): Promise<number> {
  const unknown = [...new Set(items.filter((m) => !m.digest).map((m) => m.to))];
  const digests = new Map<string, 'immediate' | 'daily'>();
  for (let i = 0; i < unknown.length; i += 500) {
    const rows = await tx.select({ id: users.id, mailDigest: users.mailDigest }).from(users).where(inArray(users.id, unknown.slice(i, i + 500)));
    for (const r of rows) digests.set(r.id, r.mailDigest);
  }
  let added = 0;
  for (let i = 0; i < items.length; i += 500) {
    const part = items.slice(i, i + 500);
    if (part.length === 0) continue;
    const r = await tx
      .insert(notifications)
      .values(
        part.map((m) => ({
          id: newId(),
          dedupKey: m.dedupKey,
          userId: m.to,
          kind: m.kind,
          subjectType: m.subject?.type ?? null,
          subjectId: m.subject?.id ?? null,
          link: m.link,
          params: JSON.stringify(m.params ?? {}),
          mandatory: m.mandatory ?? false,
          createdAt: now,
          deliverAfter: deliverAfter(m.digest ?? digests.get(m.to) ?? 'immediate', now),
        })),
      )
      .onConflictDoNothing();
    added += r.rowsAffected;
  }
  return added;
}
