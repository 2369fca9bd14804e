// How an audit is scored. Pure: the checklist island runs the same code for its running score.
//
// Per item: pass = 1, partial = 0.5, fail = 0; n.a. is left out entirely.
// Score (per section and overall) = round(100 × sum ÷ items answered other than n.a.), halves
// rounded up; null when no item is scorable yet. Verdict: any failed critical item makes the
// audit unsatisfactory; otherwise ≥ 90 satisfactory, ≥ 70 needs improvement, else unsatisfactory.
import type { Severity } from '../content/schemas.ts';

export const ITEM_RESULTS = ['pass', 'partial', 'fail', 'na'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];
export type Verdict = 'satisfactory' | 'needs_improvement' | 'unsatisfactory' | 'not_scored';

export const VERDICT_THRESHOLDS = { satisfactory: 90, needsImprovement: 70 } as const;

/** The parts of a checklist scoring needs (a ChecklistDoc fits). */
export type ScorableChecklist = {
  sections: ReadonlyArray<{ id: string; title: string; items: ReadonlyArray<{ id: string; severity: Severity }> }>;
};
export type ResultsByItem = Readonly<Record<string, ItemResult | undefined>>;

export type Tally = { pass: number; partial: number; fail: number; na: number; unanswered: number };
export type SectionScore = { id: string; title: string; score: number | null; answered: number; total: number; tally: Tally };
export type AuditScore = {
  score: number | null;
  verdict: Verdict;
  answered: number;
  total: number;
  tally: Tally;
  /** Ids of critical items answered fail: each one alone makes the audit unsatisfactory. */
  criticalFails: string[];
  sections: SectionScore[];
};

/** round(100 × (pass + partial/2) ÷ scorable), halves up, in integers so no floating-point edge case; null when nothing is scorable. */
export function percentScore(pass: number, partial: number, scorable: number): number | null {
  if (scorable <= 0) return null;
  return Math.floor((100 * (2 * pass + partial) + scorable) / (2 * scorable));
}

/** The verdict for a score, given whether a critical item failed. */
export function verdictFor(score: number | null, criticalFailed: boolean): Verdict {
  if (score === null) return 'not_scored';
  if (criticalFailed) return 'unsatisfactory';
  if (score >= VERDICT_THRESHOLDS.satisfactory) return 'satisfactory';
  if (score >= VERDICT_THRESHOLDS.needsImprovement) return 'needs_improvement';
  return 'unsatisfactory';
}

function emptyTally(): Tally {
  return { pass: 0, partial: 0, fail: 0, na: 0, unanswered: 0 };
}

function scoreOf(t: Tally): number | null {
  return percentScore(t.pass, t.partial, t.pass + t.partial + t.fail);
}

/** Scores every section and the whole audit from the results recorded so far. */
export function scoreAudit(checklist: ScorableChecklist, results: ResultsByItem): AuditScore {
  const overall = emptyTally();
  const criticalFails: string[] = [];
  const sections = checklist.sections.map((section) => {
    const tally = emptyTally();
    for (const item of section.items) {
      const result = results[item.id];
      if (result === undefined) tally.unanswered += 1;
      else tally[result] += 1;
      if (result === 'fail' && item.severity === 'critical') criticalFails.push(item.id);
    }
    for (const key of Object.keys(tally) as Array<keyof Tally>) overall[key] += tally[key];
    const total = section.items.length;
    return { id: section.id, title: section.title, score: scoreOf(tally), answered: total - tally.unanswered, total, tally };
  });
  const total = sections.reduce((n, s) => n + s.total, 0);
  const score = scoreOf(overall);
  return { score, verdict: verdictFor(score, criticalFails.length > 0), answered: total - overall.unanswered, total, tally: overall, criticalFails, sections };
}
