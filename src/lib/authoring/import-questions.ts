// Question import into a course draft's quiz: the file is parsed and shown as a preview; the
// editor then adds the questions to the draft (which saves them in both languages).
import type { Db } from '../db/client.ts';
import type { CourseDoc } from '../content/documents.ts';
import { notFound, unprocessable } from '../errors.ts';
import { assertCanEdit, type Actor } from './authoring-access.ts';
import { getDraft } from './drafts.ts';
import { getPublished } from './published-docs.ts';
import { parseGift } from './questions/parse-gift.ts';
import { parseMoodleXml } from './questions/parse-moodle-xml.ts';
import type { QuestionImport } from './questions/imported-question.ts';
import { XmlError } from './questions/read-xml.ts';

export const MAX_QUESTION_FILE_BYTES = 2 * 1024 * 1024;

export type ImportQuestionsOptions = { actor: Actor; slug: string; format: 'moodle-xml' | 'gift'; text: string };

/** Parses a Moodle XML or GIFT file against a course (new ids never clash with its questions). */
export async function importQuestions(db: Db, o: ImportQuestionsOptions): Promise<QuestionImport> {
  assertCanEdit(o.actor);
  const [draft, published] = await Promise.all([getDraft(db, 'course', o.slug), getPublished(db, 'course', o.slug)]);
  const doc = (draft?.doc ?? published?.doc) as CourseDoc | undefined;
  if (!doc) throw notFound(`There is no course "${o.slug}"`).as('authoring.error.unknown', { slug: o.slug });
  const existing = doc.en.quiz.questions.map((q) => q.id);
  if (o.format === 'gift') return parseGift(o.text, existing);
  try {
    return parseMoodleXml(o.text, existing);
  } catch (err) {
    if (err instanceof XmlError) throw unprocessable(`This is not a Moodle XML question file: ${err.message}`).as('authoring.error.notMoodleXml', { problem: err.message });
    throw err;
  }
}
