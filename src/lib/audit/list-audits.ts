import { desc, eq, sql } from 'drizzle-orm';
import { auditResponses, audits, correctiveActions, users } from '../../../db/schema.ts';
import { isLocale } from '../../i18n/index.ts';
import { getChecklist } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { assertAllowed, canReadAudit, type Actor } from './audit-access.ts';
import type { AuditHeader, AuditStatus } from './audit-state.ts';

export type AuditListRow = AuditHeader & {
  /** The checklist version the audit started on (it keeps it when a newer one is published). */
  checklistVersion: number;
  /** Opened by a schedule: its due date; null otherwise. */
  dueAt: number | null;
  scheduleId: string | null;
  /** A re-audit: the audit it follows up. */
  followsAuditId: string | null;
  answered: number;
  /** Items in the checklist. */
  total: number;
  score: number | null;
  /** Signed: corrective actions not yet verified closed. Draft: items answered fail or partial so far. */
  openFindings: number;
  /** Signed with every corrective action verified (auditClosure's rule, from the counts). */
  closed: boolean;
};

export type ListAuditsOptions = { actor: Actor; status?: AuditStatus; limit?: number };

const scored = sql`sum(case when ${auditResponses.result} in ('pass', 'partial', 'fail') then 1 else 0 end)`;
const points = sql`sum(case ${auditResponses.result} when 'pass' then 2 when 'partial' then 1 else 0 end)`;

/** Audits, newest first, with the score (stored when signed, computed live for a draft: same formula as scoring.ts) and open findings, all counted in SQL. */
export async function listAudits(db: Db, o: ListAuditsOptions): Promise<AuditListRow[]> {
  assertAllowed(canReadAudit(o.actor));
  const rows = await db
    .select({
      id: audits.id,
      title: audits.title,
      site: audits.site,
      checklistSlug: audits.checklistSlug,
      checklistVersion: audits.checklistVersion,
      locale: audits.locale,
      status: audits.status,
      auditorId: audits.auditorId,
      auditorName: users.name,
      createdAt: audits.createdAt,
      signedAt: audits.signedAt,
      itemScope: audits.itemScope,
      dueAt: audits.dueAt,
      scheduleId: audits.scheduleId,
      followsAuditId: audits.followsAuditId,
      answered: sql<number>`count(${auditResponses.itemId})`,
      // round(100 × points/2 ÷ scored), halves up, in integer arithmetic like percentScore()
      score: sql<number | null>`case when ${audits.status} = 'signed' then ${audits.score}
        when coalesce(${scored}, 0) = 0 then null
        else (100 * ${points} + ${scored}) / (2 * ${scored}) end`,
      openFindings: sql<number>`case when ${audits.status} = 'signed'
        then (select count(*) from ${correctiveActions} where ${correctiveActions.auditId} = ${audits.id} and ${correctiveActions.status} <> 'verified')
        else coalesce(sum(case when ${auditResponses.result} in ('fail', 'partial') then 1 else 0 end), 0) end`,
    })
    .from(audits)
    .innerJoin(users, eq(users.id, audits.auditorId))
    .leftJoin(auditResponses, eq(auditResponses.auditId, audits.id))
    .where(o.status ? eq(audits.status, o.status) : undefined)
    .groupBy(audits.id)
    .orderBy(desc(audits.createdAt), desc(audits.id))
    .limit(o.limit ?? 200);
  return rows.map(({ itemScope, ...r }) => ({
    ...r,
    answered: Number(r.answered),
    // a re-audit holds only the items in its scope; otherwise the checklist version the audit started on
    total: itemScope ? (JSON.parse(itemScope) as string[]).length : (getChecklist(r.checklistSlug, isLocale(r.locale) ? r.locale : 'en', r.checklistVersion)?.sections.reduce((n, s) => n + s.items.length, 0) ?? 0),
    score: r.score === null ? null : Number(r.score),
    openFindings: Number(r.openFindings),
    closed: r.status === 'signed' && Number(r.openFindings) === 0,
  }));
}
