// Whether an audit may be signed: every item has a result, and where evidence is required a
// fail or partial result is explained by a note (the report must say what was wrong).
import type { ItemResult } from './scoring.ts';

export type ReadinessChecklist = {
  sections: ReadonlyArray<{ items: ReadonlyArray<{ id: string; evidence: 'required' | 'optional' | 'none' }> }>;
};
export type AnswersByItem = Readonly<Record<string, { result: ItemResult; note: string } | undefined>>;
export type Readiness = { ready: boolean; unanswered: string[]; missingNotes: string[] };

/** Lists the items that block signing, in checklist order. */
export function signReadiness(checklist: ReadinessChecklist, answers: AnswersByItem): Readiness {
  const unanswered: string[] = [];
  const missingNotes: string[] = [];
  for (const section of checklist.sections) {
    for (const item of section.items) {
      const answer = answers[item.id];
      if (!answer) unanswered.push(item.id);
      else if (needsNote(item.evidence, answer.result) && answer.note.trim() === '') missingNotes.push(item.id);
    }
  }
  return { ready: unanswered.length === 0 && missingNotes.length === 0, unanswered, missingNotes };
}

/** Whether an answer must carry a note before the audit can be signed. */
export function needsNote(evidence: 'required' | 'optional' | 'none', result: ItemResult): boolean {
  return evidence === 'required' && (result === 'fail' || result === 'partial');
}
