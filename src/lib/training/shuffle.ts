// Option order for a quiz attempt: shuffled, but the same for the same seed so a reload keeps it.

/** A 32-bit hash of a string (FNV-1a), to seed the generator. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A small deterministic generator (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed: string): () => number {
  let a = hash32(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffle of a copy of `items`, determined by `seed`. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The seed of one person's nth attempt at a course: a new attempt gets a new order, a reload the same one. */
export function attemptSeed(userId: string, courseSlug: string, attemptNumber: number): string {
  return `${userId}:${courseSlug}:${attemptNumber}`;
}

/** Shuffles each question's options by the attempt seed; true/false keeps its natural order. */
export function shuffleOptions<Q extends { id: string; type: string; options: readonly unknown[] }>(questions: readonly Q[], seed: string): Q[] {
  return questions.map((q) => (q.type === 'truefalse' ? q : { ...q, options: seededShuffle(q.options, `${seed}:${q.id}`) }));
}
