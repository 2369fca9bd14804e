// The one way a version gets published, inside the caller's write transaction: by the editor's
// publish, and by importing content/. A material change of a course makes every still-valid
// completion of an older version due for recertification.
import { and, eq, gt, inArray, isNull, lt, max, or } from 'drizzle-orm';
import { completions, contentVersions, users, type ContentKind } from '../../../db/schema.ts';
import type { Tx } from '../db/client.ts';
import { appendLog } from '../log/append-log.ts';
import { enqueueMany } from '../notify/enqueue-mail.ts';
import type { ContentDoc } from '../content/documents.ts';
import { RECERTIFICATION_GRACE_DAYS, RECERTIFICATION_GRACE_MS } from '../training/course-status.ts';

export type PublishVersionOptions = {
  kind: ContentKind;
  slug: string;
  doc: ContentDoc;
  /** The version to publish as; by default one more than the latest. */
  version?: number;
  material: boolean;
  note: string;
  actorId: string | null;
  source: 'editor' | 'import';
  /** False only for the first start's import of the content/ shipped with the code (an install step, like migrations). */
  log?: boolean;
  now: number;
};

export type PublishedVersion = {
  version: number;
  /** Completions of older versions now due for recertification (material course changes only). */
  recertification: { count: number; userIds: string[]; dueAt: number } | null;
};

/** The latest published version of a course or checklist, or 0. */
export async function latestVersion(tx: Pick<Tx, 'select'>, kind: ContentKind, slug: string): Promise<number> {
  const [row] = await tx.select({ v: max(contentVersions.version) }).from(contentVersions).where(and(eq(contentVersions.kind, kind), eq(contentVersions.slug, slug)));
  return row?.v ?? 0;
}

/**
 * Recertification after a material change uses the product's own rule for expired training: a
 * completion that has expired must be renewed within RECERTIFICATION_GRACE_DAYS (30). Such
 * completions are made to expire now, so the course shows "recertification due" with a due date
 * 30 days on, becomes overdue after that for assigned people, and the assignment rows (triggers
 * of migration 0001), HR's dashboard and exports follow without any further change.
 */
async function expireOlderCompletions(tx: Tx, slug: string, version: number, now: number): Promise<PublishedVersion['recertification']> {
  const older = and(eq(completions.courseSlug, slug), lt(completions.courseVersion, version), or(isNull(completions.expiresAt), gt(completions.expiresAt, now)));
  const rows = await tx.update(completions).set({ expiresAt: now }).where(older).returning({ userId: completions.userId });
  return { count: rows.length, userIds: [...new Set(rows.map((r) => r.userId))], dueAt: now + RECERTIFICATION_GRACE_MS };
}

/** Publishes one version and logs it; the caller's transaction holds the draft and anything else. */
export async function publishVersion(tx: Tx, o: PublishVersionOptions): Promise<PublishedVersion> {
  const version = o.version ?? (await latestVersion(tx, o.kind, o.slug)) + 1;
  await tx.insert(contentVersions).values({ kind: o.kind, slug: o.slug, version, body: JSON.stringify(o.doc), material: o.material, note: o.note, publishedBy: o.actorId, publishedAt: o.now });
  const recertification = o.kind === 'course' && o.material ? await expireOlderCompletions(tx, o.slug, version, o.now) : null;
  // the people concerned hear of it from the outbox, written in this same transaction (issue 12)
  if (recertification) {
    // the outbox takes active people only
    const active: string[] = [];
    for (let i = 0; i < recertification.userIds.length; i += 500) {
      const part = recertification.userIds.slice(i, i + 500);
      active.push(...(await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, part), eq(users.active, true)))).map((r) => r.id));
    }
    const mails = active.map((to) => ({
      to,
      kind: 'training.recertify',
      dedupKey: `recertify:${o.slug}:${version}:${to}`,
      link: `/training/${o.slug}`,
      params: { courseSlug: o.slug, version, dueAt: recertification.dueAt },
      subject: { type: 'course', id: o.slug },
      mandatory: true,
    }));
    await enqueueMany(tx, mails, o.now);
  }
  if (o.log !== false) await appendLog(tx, {
    actorId: o.actorId,
    action: 'content.publish',
    subjectType: o.kind,
    subjectId: o.slug,
    details: {
      version,
      material: o.material,
      note: o.note,
      source: o.source,
      ...(recertification && { recertificationDue: recertification.count, dueAt: recertification.dueAt, graceDays: RECERTIFICATION_GRACE_DAYS }),
    },
    at: o.now,
  });
  return { version, recertification };
}
