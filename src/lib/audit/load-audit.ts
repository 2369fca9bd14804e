// Reading one audit with what every operation on it needs: the row, its checklist and its answers.
import { eq } from 'drizzle-orm';
import { auditResponses, audits } from '../../../db/schema.ts';
import { isLocale } from '../../i18n/index.ts';
import { getChecklist } from '../content/catalog.ts';
import type { ChecklistDoc } from '../content/load-content.ts';
import type { Db, Tx } from '../db/client.ts';
import { notFound } from '../errors.ts';
import type { ItemResult } from './scoring.ts';

export type Reader = Db | Tx;
export type AuditRow = typeof audits.$inferSelect;
export type Answer = { result: ItemResult; note: string; updatedAt: number; updatedBy: string };

/** The audit row, or 404. */
export async function findAudit(db: Reader, auditId: string): Promise<AuditRow> {
  const [audit] = await db.select().from(audits).where(eq(audits.id, auditId));
  if (!audit) throw notFound('No such audit').as('error.noSuchAudit');
  return audit;
}

/** The audit's checklist, in the version it started on and its own language (item ids are the same in every language). */
export function checklistOf(audit: Pick<AuditRow, 'checklistSlug' | 'checklistVersion' | 'locale'> & { itemScope?: string | null }): ChecklistDoc {
  const checklist = getChecklist(audit.checklistSlug, isLocale(audit.locale) ? audit.locale : 'en', audit.checklistVersion);
  // content is deployed with the code; a checklist that disappeared is an operator error, not bad input
  if (!checklist) throw new Error(`Checklist ${audit.checklistSlug} is missing from the content`);
  return audit.itemScope ? scopedChecklist(checklist, JSON.parse(audit.itemScope) as string[]) : checklist;
}

/** A re-audit's checklist: only the items in its scope, sections without one left out. */
export function scopedChecklist(checklist: ChecklistDoc, itemIds: readonly string[]): ChecklistDoc {
  const keep = new Set(itemIds);
  return { ...checklist, sections: checklist.sections.map((s) => ({ ...s, items: s.items.filter((i) => keep.has(i.id)) })).filter((s) => s.items.length > 0) };
}

/** Every answer recorded for the audit, by item id. */
export async function answersOf(db: Reader, auditId: string): Promise<Record<string, Answer>> {
  const rows = await db.select().from(auditResponses).where(eq(auditResponses.auditId, auditId));
  return Object.fromEntries(rows.map((r) => [r.itemId, { result: r.result, note: r.note, updatedAt: r.updatedAt, updatedBy: r.updatedBy }]));
}

/** Whether the checklist has this item. */
export function hasItem(checklist: ChecklistDoc, itemId: string): boolean {
  return checklist.sections.some((s) => s.items.some((i) => i.id === itemId));
}
