// What the audit page shows of the programme: training evidence (live on a draft, frozen once
// signed), the audit a re-audit follows, its own re-audits, and whether one can be started.
import { asc, eq } from 'drizzle-orm';
import { audits, correctiveActions } from '../../../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import { assertAllowed, canReadAudit, type Actor } from '../audit/audit-access.ts';
import type { AuditDetail } from '../audit/get-audit.ts';
import { findAudit } from '../audit/load-audit.ts';
import type { Db } from '../db/client.ts';
import { frozenTrainingEvidence, liveTrainingEvidence, type TrainingEvidence } from './training-evidence.ts';
import { rate } from './training-figures.ts';

export type AuditProgramme = {
  training: { evidence: TrainingEvidence; frozen: boolean } | null;
  follows: { id: string; title: string } | null;
  /** On a re-audit: the first audit's corrective actions for the items it re-checks. */
  followedActions: Array<{ id: string; itemId: string | null; title: string; status: string }>;
  reAudits: Array<{ id: string; title: string; status: string }>;
  canReAudit: boolean;
};

/** The programme facts of one audit (read with getAudit's detail). */
export async function getAuditProgramme(db: Db, o: { detail: AuditDetail; actor: Actor; locale: Locale; now?: number }): Promise<AuditProgramme> {
  assertAllowed(canReadAudit(o.actor));
  const { audit, checklist } = o.detail;
  const row = await findAudit(db, audit.id);
  const [training, follows, reAudits] = await Promise.all([
    audit.status === 'signed'
      ? frozenTrainingEvidence(db, audit.id).then((e) => (e ? { evidence: e, frozen: true } : null))
      : liveTrainingEvidence(db, { actor: o.actor, checklist, now: o.now ?? Date.now(), locale: o.locale }).then((e) => (e ? { evidence: e, frozen: false } : null)),
    row.followsAuditId ? db.select({ id: audits.id, title: audits.title }).from(audits).where(eq(audits.id, row.followsAuditId)).then((r) => r[0] ?? null) : Promise.resolve(null),
    db.select({ id: audits.id, title: audits.title, status: audits.status }).from(audits).where(eq(audits.followsAuditId, audit.id)).orderBy(asc(audits.createdAt)),
  ]);
  const scope = new Set(checklist.sections.flatMap((s) => s.items.map((i) => i.id)));
  const followedActions = follows
    ? (await db.select({ id: correctiveActions.id, itemId: correctiveActions.itemId, title: correctiveActions.title, status: correctiveActions.status }).from(correctiveActions).where(eq(correctiveActions.auditId, follows.id)).orderBy(asc(correctiveActions.itemId))).filter((a) => a.itemId !== null && scope.has(a.itemId))
    : [];
  const hasFindings = Object.values(o.detail.responses).some((r) => r.result === 'fail' || r.result === 'partial');
  return { training, follows, followedActions, reAudits, canReAudit: audit.status === 'signed' && hasFindings && !reAudits.some((r) => r.status === 'draft') };
}

/** The checklist's sections with a line of the live training figures on each training item, for the checklist island. */
export function withTrainingFigures<S extends { items: Array<{ id: string }> }>(sections: S[], programme: AuditProgramme, t: (key: string, params?: Record<string, string | number>) => string): S[] {
  const e = programme.training?.evidence;
  if (!e) return sections;
  const items = new Set(e.items);
  const all = e.totals.total;
  const line = t('programme.evidence.itemLine', { done: rate(all.completed, all.total), overdue: rate(all.overdue, all.total), n: all.total });
  return sections.map((s) => ({ ...s, items: s.items.map((i) => (items.has(i.id) ? { ...i, training: line } : i)) }));
}
