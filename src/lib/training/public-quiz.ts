// What the browser may see of a quiz: prompts and options, never which option is correct nor the explanation.
import type { Quiz } from '../content/schemas.ts';
import { shuffleOptions } from './shuffle.ts';

export type PublicQuestion = { id: string; type: 'single' | 'multiple' | 'truefalse'; prompt: string; options: { id: string; text: string }[] };

/** Copies only the public fields (an allow-list, so a new content field cannot leak) and shuffles options by `seed`. */
export function publicQuestions(quiz: Quiz, seed: string): PublicQuestion[] {
  const stripped = quiz.questions.map((q) => ({ id: q.id, type: q.type, prompt: q.prompt, options: q.options.map((o) => ({ id: o.id, text: o.text })) }));
  return shuffleOptions(stripped, seed);
}
