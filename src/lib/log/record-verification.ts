import { desc } from 'drizzle-orm';
import { logVerifications } from '../../../db/schema.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import type { LogVerification } from './verify-log.ts';

export type VerificationSource = (typeof logVerifications.$inferSelect)['source'];
export type StoredVerification = typeof logVerifications.$inferSelect & { problemList: string[] };

/** Keeps the outcome of a verification for the admin page (the first 100 problems). */
export async function recordVerification(db: Db, v: LogVerification, source: VerificationSource, at = Date.now()): Promise<void> {
  await db.insert(logVerifications).values({
    at,
    ok: v.ok,
    entries: v.entries,
    problems: JSON.stringify(v.problems.slice(0, 100)),
    anchorName: v.newestAnchor?.name ?? null,
    anchorSeq: v.newestAnchor?.seq ?? null,
    anchorAt: v.newestAnchor?.at ?? null,
    afterAnchor: v.afterNewestAnchor,
    durationMs: v.durationMs,
    source,
  });
}

/** The most recent stored verification, or null if the log was never verified. */
export async function lastVerification(db: Db, actor: Pick<Actor, 'role'>): Promise<StoredVerification | null> {
  assertCan(actor, 'admin.log');
  const [row] = await db.select().from(logVerifications).orderBy(desc(logVerifications.at), desc(logVerifications.id)).limit(1);
  return row ? { ...row, problemList: JSON.parse(row.problems) as string[] } : null;
}
