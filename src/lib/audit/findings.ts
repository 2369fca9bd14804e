// The findings of an audit: every item answered fail or partial, in checklist order.
import type { Severity } from '../content/schemas.ts';
import type { ItemResult } from './scoring.ts';

export type FindingChecklist = {
  sections: ReadonlyArray<{ id: string; title: string; items: ReadonlyArray<{ id: string; text: string; severity: Severity }> }>;
};
export type Finding = { sectionId: string; sectionTitle: string; itemId: string; itemText: string; result: 'fail' | 'partial'; severity: Severity; note: string };

/** Fail and partial items with their severity and note. */
export function findingsOf(checklist: FindingChecklist, answers: Readonly<Record<string, { result: ItemResult; note: string } | undefined>>): Finding[] {
  const out: Finding[] = [];
  for (const section of checklist.sections) {
    for (const item of section.items) {
      const answer = answers[item.id];
      if (answer?.result !== 'fail' && answer?.result !== 'partial') continue;
      out.push({ sectionId: section.id, sectionTitle: section.title, itemId: item.id, itemText: item.text, result: answer.result, severity: item.severity, note: answer.note });
    }
  }
  return out;
}
