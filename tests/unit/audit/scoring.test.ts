import { describe, expect, it } from 'vitest';
import { percentScore, scoreAudit, verdictFor, type ResultsByItem } from '../../../src/lib/audit/scoring.ts';

const checklist = {
  sections: [
    { id: 'a', title: 'A', items: [{ id: 'a1', severity: 'low' as const }, { id: 'a2', severity: 'medium' as const }, { id: 'a3', severity: 'critical' as const }] },
    { id: 'b', title: 'B', items: [{ id: 'b1', severity: 'high' as const }, { id: 'b2', severity: 'low' as const }] },
  ],
};

describe('audit scoring', () => {
  it('counts pass as 1, partial as one half and fail as 0, over the answered items', () => {
    const s = scoreAudit(checklist, { a1: 'pass', a2: 'partial', a3: 'pass', b1: 'fail' });
    expect(s.sections[0]!.score).toBe(83); // 2.5 / 3
    expect(s.sections[1]!.score).toBe(0);
    expect(s.score).toBe(63); // 2.5 / 4 = 62.5 → 63
    expect(s.answered).toBe(4);
    expect(s.total).toBe(5);
  });

  it('leaves n.a. items out of the score entirely', () => {
    const withNa = scoreAudit(checklist, { a1: 'pass', a2: 'na', a3: 'na', b1: 'fail', b2: 'na' });
    expect(withNa.sections[0]!.score).toBe(100);
    expect(withNa.score).toBe(50);
    expect(withNa.answered).toBe(5);
    expect(withNa.tally).toEqual({ pass: 1, partial: 0, fail: 1, na: 3, unanswered: 0 });
  });

  it('gives no score (null) when nothing scorable is answered, not zero', () => {
    expect(scoreAudit(checklist, {}).score).toBeNull();
    const onlyNa = scoreAudit(checklist, { a1: 'na', b2: 'na' });
    expect(onlyNa.score).toBeNull();
    expect(onlyNa.verdict).toBe('not_scored');
    expect(onlyNa.sections[1]!.score).toBeNull();
  });

  it('rounds halves up and never suffers floating-point error', () => {
    expect(percentScore(0, 1, 1)).toBe(50);
    expect(percentScore(1, 1, 4)).toBe(38); // 37.5
    expect(percentScore(0, 1, 8)).toBe(6); // 6.25
    expect(percentScore(1, 0, 3)).toBe(33);
    expect(percentScore(2, 0, 3)).toBe(67);
    expect(percentScore(0, 1, 3)).toBe(17); // 16.67
    const wrong: string[] = [];
    for (let n = 1; n <= 150; n++) {
      for (let pass = 0; pass <= n; pass++) {
        for (let partial = 0; pass + partial <= n; partial += 3) {
          // exact rational comparison: score s is right when |100·(2p+q) − s·2n| ≤ n, ties going up
          const s = percentScore(pass, partial, n)!;
          const diff = 100 * (2 * pass + partial) - s * 2 * n;
          if (!(diff >= -n && diff < n)) wrong.push(`${pass}/${partial}/${n}→${s}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('judges by thresholds: 90 satisfactory, 70 needs improvement, below unsatisfactory', () => {
    expect(verdictFor(100, false)).toBe('satisfactory');
    expect(verdictFor(90, false)).toBe('satisfactory');
    expect(verdictFor(89, false)).toBe('needs_improvement');
    expect(verdictFor(70, false)).toBe('needs_improvement');
    expect(verdictFor(69, false)).toBe('unsatisfactory');
    expect(verdictFor(null, false)).toBe('not_scored');
  });

  it('makes any failed critical item unsatisfactory whatever the score, but not a partial one', () => {
    const results: Record<string, 'pass' | 'fail' | 'partial'> = {};
    const big = { sections: [{ id: 's', title: 'S', items: Array.from({ length: 20 }, (_, i) => ({ id: `i${i}`, severity: i === 0 ? ('critical' as const) : ('low' as const) })) }] };
    for (let i = 0; i < 20; i++) results[`i${i}`] = 'pass';
    results.i0 = 'fail';
    const failed = scoreAudit(big, results);
    expect(failed.score).toBe(95);
    expect(failed.verdict).toBe('unsatisfactory');
    expect(failed.criticalFails).toEqual(['i0']);
    results.i0 = 'partial';
    expect(scoreAudit(big, results as ResultsByItem).verdict).toBe('satisfactory');
  });
});
