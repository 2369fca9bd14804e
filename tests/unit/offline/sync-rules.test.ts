import { describe, expect, it } from 'vitest';
import { newerAnswer, outcomeOf, pendingAnswers, replaceableAnswer, replayOrder, type QueuedChange } from '../../../src/lib/offline/sync-rules.ts';

type C = QueuedChange & { name: string; result?: 'pass' | 'fail' | 'partial' | 'na'; note?: string };
const change = (seq: number, itemId: string, kind: 'response' | 'evidence', more: Partial<C> = {}): C => ({ seq, itemId, kind, attempted: false, state: 'pending', name: `${kind}-${itemId}-${seq}`, ...more });

describe('the order changes are replayed in', () => {
  it('sends every result before any photo, each kind in the order it was made', () => {
    const queue = [change(1, 'a', 'evidence'), change(2, 'a', 'response'), change(3, 'b', 'response'), change(4, 'b', 'evidence'), change(5, 'c', 'response')];
    expect(replayOrder(queue).map((c) => c.name)).toEqual(['response-a-2', 'response-b-3', 'response-c-5', 'evidence-a-1', 'evidence-b-4']);
  });

  it('follows the sequence, not the order the list happens to be in', () => {
    expect(replayOrder([change(9, 'x', 'response'), change(3, 'y', 'response')]).map((c) => c.seq)).toEqual([3, 9]);
  });

  it('leaves refused changes out: they wait for the auditor, not for the network', () => {
    expect(replayOrder([change(1, 'a', 'response', { state: 'refused' }), change(2, 'b', 'response')]).map((c) => c.seq)).toEqual([2]);
  });
});

describe('a new answer for an item', () => {
  it('overwrites the item’s unsent answer in place', () => {
    const unsent = change(4, 'a', 'response');
    expect(replaceableAnswer([change(1, 'b', 'response'), unsent], 'a')).toBe(unsent);
  });

  it('never overwrites one that was sent, even without an answer back: it may have been applied', () => {
    expect(replaceableAnswer([change(1, 'a', 'response', { attempted: true })], 'a')).toBeUndefined();
  });

  it('never overwrites a refused change or a photo', () => {
    expect(replaceableAnswer([change(1, 'a', 'response', { state: 'refused' }), change(2, 'a', 'evidence')], 'a')).toBeUndefined();
  });
});

describe('what an answer from the server means', () => {
  it.each([
    [200, 'applied'],
    [201, 'applied'],
    [null, 'retry'],
    [401, 'retry'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [400, 'refused'],
    [403, 'refused'],
    [404, 'refused'],
    [409, 'refused'],
    [413, 'refused'],
    [415, 'refused'],
    [422, 'refused'],
  ] as const)('status %s: %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});

describe('answers still to be sent', () => {
  it('are the newest pending answer per item, photos and refusals left out', () => {
    const queue = [
      change(1, 'a', 'response', { result: 'fail', note: 'first', attempted: true }),
      change(3, 'a', 'response', { result: 'pass', note: 'second' }),
      change(2, 'b', 'response', { result: 'partial', state: 'refused' }),
      change(4, 'c', 'evidence'),
      change(5, 'd', 'response', { result: 'na' }),
    ];
    expect(pendingAnswers(queue)).toEqual({ a: { result: 'pass', note: 'second' }, d: { result: 'na', note: '' } });
  });
});

describe('of two answers the server gave for one item', () => {
  it('the one it stored later counts', () => {
    const early = { updatedAt: 1000, result: 'fail' };
    const late = { updatedAt: 2000, result: 'pass' };
    expect(newerAnswer(early, late)).toBe(late);
    expect(newerAnswer(late, early)).toBe(late);
    expect(newerAnswer(undefined, early)).toBe(early);
    expect(newerAnswer(late, undefined)).toBe(late);
  });
});
