// A re-audit: from a signed audit, a new draft that holds only the items that failed or were
// partial, linked to the first audit (follows_audit_id) and so, item by item, to its corrective actions.
import { and, eq } from 'drizzle-orm';
import { audits } from '../../../db/schema.ts';
import { isLocale, t } from '../../i18n/index.ts';
import { assertAllowed, canReadAudit, type Actor } from '../audit/audit-access.ts';
import { findingsOf } from '../audit/findings.ts';
import { answersOf, checklistOf, findAudit } from '../audit/load-audit.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { conflict, unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';

export type StartReAuditOptions = { auditId: string; actor: Actor; now?: number };

/** Starts the re-audit of a signed audit's failed and partial items; the actor becomes its auditor. */
export async function startReAudit(db: Db, o: StartReAuditOptions): Promise<{ id: string; items: string[] }> {
  assertAllowed(canReadAudit(o.actor), 'Only auditors and administrators conduct audits');
  const first = await findAudit(db, o.auditId);
  if (first.status !== 'signed') throw conflict('Only a signed audit can be re-audited').as('programme.error.reAuditUnsigned');
  const items = findingsOf(checklistOf(first), await answersOf(db, first.id)).map((f) => f.itemId);
  if (items.length === 0) throw unprocessable('This audit has no failed or partial items to re-audit').as('programme.error.nothingToReAudit');
  const locale = isLocale(first.locale) ? first.locale : 'en';
  const id = newId();
  const now = o.now ?? Date.now();
  await writeTransaction(db, async (tx) => {
    const [open] = await tx.select({ id: audits.id }).from(audits).where(and(eq(audits.followsAuditId, first.id), eq(audits.status, 'draft')));
    if (open) throw conflict('A re-audit of this audit is already in progress', { auditId: open.id }).as('programme.error.reAuditOpen');
    const title = t(locale, 'programme.reAudit.title', { title: first.title }).slice(0, 200);
    await tx.insert(audits).values({ id, checklistSlug: first.checklistSlug, checklistVersion: first.checklistVersion, locale, title, site: first.site, siteId: first.siteId, auditorId: o.actor.id, createdAt: now, followsAuditId: first.id, itemScope: JSON.stringify(items) });
    await appendLog(tx, { actorId: o.actor.id, action: 'audit.start_re_audit', subjectType: 'audit', subjectId: id, details: { follows: first.id, items }, at: now });
  });
  return { id, items };
}
