import { describe, expect, it } from 'vitest';
import { attemptSeed, seededShuffle, shuffleOptions } from '../../../src/lib/training/shuffle.ts';

const letters = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('seeded option shuffle', () => {
  it('gives the same order for the same seed', () => {
    expect(seededShuffle(letters, 'u1:course:1')).toEqual(seededShuffle(letters, 'u1:course:1'));
  });

  it('keeps every item exactly once and leaves the input alone', () => {
    const copy = [...letters];
    expect([...seededShuffle(letters, 'x')].sort()).toEqual(letters);
    expect(letters).toEqual(copy);
  });

  it('gives different orders across attempts', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, n) => seededShuffle(letters, attemptSeed('u1', 'course', n + 1)).join('')));
    expect(orders.size).toBeGreaterThan(10);
  });

  it('spreads items over every position', () => {
    const firsts = new Set(Array.from({ length: 200 }, (_, n) => seededShuffle(letters, `s${n}`)[0]));
    expect(firsts.size).toBe(letters.length);
  });

  it('shuffles each question on its own and keeps true/false in order', () => {
    const questions = [
      { id: 'q1', type: 'single', options: letters },
      { id: 'q2', type: 'single', options: letters },
      { id: 'tf', type: 'truefalse', options: ['true', 'false'] },
    ];
    const seeds = Array.from({ length: 30 }, (_, n) => shuffleOptions(questions, `seed${n}`));
    expect(seeds.every((s) => s[2]!.options.join() === 'true,false')).toBe(true);
    expect(seeds.some((s) => s[0]!.options.join() !== s[1]!.options.join())).toBe(true);
    expect(shuffleOptions(questions, 'same')).toEqual(shuffleOptions(questions, 'same'));
  });
});
