// Shared by the Moodle XML and GIFT readers: question text in Moodle's formats to the plain text
// (markdown) our quizzes hold, and ids for imported questions.
import { decodeEntities } from './read-xml.ts';

/** Moodle HTML (or plain, or markdown) to plain text: paragraphs and breaks become new lines, tags go. */
export function plainText(text: string, format = 'html'): string {
  if (format === 'plain_text' || format === 'markdown' || format === 'moodle') return text.trim();
  const noTags = text
    .replace(/<(br)\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<img[^>]*>/gi, '')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(noTags)
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A question id from its Moodle name, unique among `taken` (which it joins). */
export function questionId(name: string, taken: Set<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  const stem = base ? `q-${base}` : 'q-imported';
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

/** Option ids a, b, c, … (aa, ab, … after z). */
export const optionId = (i: number) => (i < 26 ? String.fromCharCode(97 + i) : `a${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`);
