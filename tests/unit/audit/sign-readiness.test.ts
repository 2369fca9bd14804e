import { describe, expect, it } from 'vitest';
import { needsNote, signReadiness } from '../../../src/lib/audit/sign-readiness.ts';

const checklist = {
  sections: [
    { items: [{ id: 'r1', evidence: 'required' as const }, { id: 'o1', evidence: 'optional' as const }] },
    { items: [{ id: 'r2', evidence: 'required' as const }, { id: 'n1', evidence: 'none' as const }] },
  ],
};

describe('whether an audit can be signed', () => {
  it('is ready when every item has a result and required-evidence findings have notes', () => {
    const r = signReadiness(checklist, { r1: { result: 'fail', note: 'No list' }, o1: { result: 'fail', note: '' }, r2: { result: 'pass', note: '' }, n1: { result: 'na', note: '' } });
    expect(r).toEqual({ ready: true, unanswered: [], missingNotes: [] });
  });

  it('names the unanswered items in checklist order', () => {
    const r = signReadiness(checklist, { o1: { result: 'pass', note: '' } });
    expect(r.ready).toBe(false);
    expect(r.unanswered).toEqual(['r1', 'r2', 'n1']);
  });

  it('names fail and partial items that require evidence but have no note (blank counts as none)', () => {
    const r = signReadiness(checklist, { r1: { result: 'partial', note: '   ' }, o1: { result: 'partial', note: '' }, r2: { result: 'fail', note: '' }, n1: { result: 'fail', note: '' } });
    expect(r.missingNotes).toEqual(['r1', 'r2']);
    expect(r.unanswered).toEqual([]);
    expect(r.ready).toBe(false);
  });

  it('asks for a note only where evidence is required and the item did not pass', () => {
    expect(needsNote('required', 'fail')).toBe(true);
    expect(needsNote('required', 'partial')).toBe(true);
    expect(needsNote('required', 'pass')).toBe(false);
    expect(needsNote('required', 'na')).toBe(false);
    expect(needsNote('optional', 'fail')).toBe(false);
  });
});
