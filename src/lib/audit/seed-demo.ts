// Demo data: one audit in progress on the big checklist, begun by the demo auditor, so a new
// install shows the checklist form with some answers already in it.
import { addSeedExtension } from '../../../db/seed.ts';
import type { Db } from '../db/client.ts';
import type { ItemResult } from './scoring.ts';

const AUDITOR = 'auditor@example.com';
// A believable first morning: the first two sections walked through, a few problems found.
const RESULTS: ItemResult[] = ['pass', 'pass', 'partial', 'pass', 'fail', 'pass', 'na', 'pass', 'pass', 'partial'];
const NOTES: Partial<Record<ItemResult, string>> = {
  partial: 'Seen in part: the record exists but the last review is older than 12 months.',
  fail: 'Not in place: no record could be produced on the day.',
};

/** Adds the demo audit (used by db/seed-extensions.ts). */
export async function seedDemoAudit(db: Db, people: Map<string, string>): Promise<void> {
  // imported here, not above: every CLI command loads the seed modules, few of them seed
  const [{ getChecklist }, { startAudit }, { recordResponse }] = await Promise.all([import('../content/catalog.ts'), import('./start-audit.ts'), import('./record-response.ts')]);
  const auditorId = people.get(AUDITOR);
  const checklist = getChecklist('client-data-handling', 'en');
  if (!auditorId || !checklist) return;
  const actor = { id: auditorId, role: 'auditor' as const, name: 'Arthur Audit' };
  const { id } = await startAudit(db, { checklist: checklist.slug, title: 'Annual client data audit, head office', site: 'Head office, records room', locale: 'en', actor });
  const items = checklist.sections.slice(0, 2).flatMap((s) => s.items);
  for (const [i, item] of items.entries()) {
    const result = RESULTS[i % RESULTS.length]!;
    await recordResponse(db, { auditId: id, itemId: item.id, result, note: NOTES[result] ?? '', actor });
  }
}

addSeedExtension(seedDemoAudit);
