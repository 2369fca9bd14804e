import { audits } from '../../../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import { getChecklist } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { assertAllowed, canReadAudit, type Actor } from './audit-access.ts';

export type StartAuditOptions = { checklist: string; title: string; site?: string | null; locale: Locale; actor: Actor; now?: number };

export const MAX_TITLE_LENGTH = 200;

/** Starts a draft audit from a checklist, in the given language; the actor becomes its auditor. */
export async function startAudit(db: Db, o: StartAuditOptions): Promise<{ id: string }> {
  assertAllowed(canReadAudit(o.actor), 'Only auditors and administrators conduct audits');
  const checklist = getChecklist(o.checklist, o.locale);
  if (!checklist) throw unprocessable(`There is no checklist "${o.checklist}"`).as('error.unknownChecklist', { checklist: o.checklist });
  const title = o.title.trim();
  const site = o.site?.trim() || null;
  if (!title) throw unprocessable('Give the audit a title').as('error.auditTitleMissing');
  if (title.length > MAX_TITLE_LENGTH || (site?.length ?? 0) > MAX_TITLE_LENGTH) throw unprocessable(`Title and site are at most ${MAX_TITLE_LENGTH} characters`).as('error.auditTitleTooLong', { max: MAX_TITLE_LENGTH });
  const id = newId();
  const now = o.now ?? Date.now();
  await writeTransaction(db, async (tx) => {
    await tx.insert(audits).values({ id, checklistSlug: checklist.slug, checklistVersion: checklist.version, locale: o.locale, title, site, auditorId: o.actor.id, createdAt: now });
    await appendLog(tx, { actorId: o.actor.id, action: 'audit.start', subjectType: 'audit', subjectId: id, details: { checklist: checklist.slug, version: checklist.version, locale: o.locale, title, site }, at: now });
  });
  return { id };
}
