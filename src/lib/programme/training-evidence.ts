// Training evidence in an audit (source §9): on the client-data-handling items about training, the
// audit shows the dashboard's live figures; signing freezes them into the audit and its report.
import { eq } from 'drizzle-orm';
import { auditTrainingEvidence } from '../../../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Actor } from '../auth/permissions.ts';
import type { ChecklistDoc } from '../content/load-content.ts';
import type { Db, Tx } from '../db/client.ts';
import { trainingFigures, type TrainingFigures } from './training-figures.ts';

/** The items, per checklist, whose evidence is the firm's training records. */
export const TRAINING_EVIDENCE_ITEMS: Readonly<Record<string, readonly string[]>> = {
  'client-data-handling': ['s02-05', 's09-01', 's09-02', 's09-03', 's09-04', 's09-05', 's09-06'],
};

export type TrainingEvidence = TrainingFigures & { items: string[] };

/** The training items an audit's checklist (or a re-audit's scope) holds. */
export function trainingItemsOf(checklist: Pick<ChecklistDoc, 'slug' | 'sections'>): string[] {
  const wanted = new Set(TRAINING_EVIDENCE_ITEMS[checklist.slug] ?? []);
  return checklist.sections.flatMap((s) => s.items.map((i) => i.id)).filter((id) => wanted.has(id));
}

/** The live figures for an audit whose checklist has training items, else null. */
export async function liveTrainingEvidence(db: Db, o: { actor: Pick<Actor, 'role'>; checklist: ChecklistDoc; now: number; locale: Locale }): Promise<TrainingEvidence | null> {
  const items = trainingItemsOf(o.checklist);
  if (items.length === 0) return null;
  const { overdue: _, ...figures } = await trainingFigures(db, { actor: o.actor, now: o.now, locale: o.locale });
  return { ...figures, items };
}

/** Stores the figures with the audit, inside its signing transaction. */
export async function freezeTrainingEvidence(tx: Tx, auditId: string, evidence: TrainingEvidence): Promise<void> {
  await tx.insert(auditTrainingEvidence).values({ auditId, asOf: evidence.asOf, figures: JSON.stringify(evidence) });
}

/** The figures frozen at signing, or null. */
export async function frozenTrainingEvidence(db: Db | Tx, auditId: string): Promise<TrainingEvidence | null> {
  const [row] = await db.select({ figures: auditTrainingEvidence.figures }).from(auditTrainingEvidence).where(eq(auditTrainingEvidence.auditId, auditId));
  return row ? (JSON.parse(row.figures) as TrainingEvidence) : null;
}
