// Moodle XML question export (Question bank → Export → Moodle XML format): multichoice (single
// or multiple answers) and truefalse become our single, multiple and truefalse questions; every
// other type (shortanswer, essay, matching, numerical, cloze, ddwtos, …) is listed as skipped.
import { child, childrenNamed, readXml, textOf, XmlError, type XmlElement } from './read-xml.ts';
import { choiceQuestion, isSkipped, trueFalseQuestion, type QuestionImport } from './imported-question.ts';
import { optionId, plainText, questionId } from './question-text.ts';

const formatted = (el: XmlElement | undefined) => plainText(textOf(child(el, 'text')), el?.attrs.format ?? 'html');

/** Reads a Moodle XML file; throws XmlError when it is not one. */
export function parseMoodleXml(xml: string, existingIds: Iterable<string> = []): QuestionImport {
  const root = readXml(xml);
  if (root.name !== 'quiz') throw new XmlError(`expected a Moodle <quiz> export, found <${root.name}>`);
  const taken = new Set(existingIds);
  const result: QuestionImport = { questions: [], skipped: [] };
  for (const q of childrenNamed(root, 'question')) {
    const type = q.attrs.type ?? '(no type)';
    if (type === 'category' || type === 'description') {
      if (type === 'description') result.skipped.push({ name: formatted(child(q, 'name')) || '(unnamed)', type, reason: 'a description is not a question' });
      continue;
    }
    const name = plainText(textOf(child(child(q, 'name'), 'text')), 'plain_text') || '(unnamed)';
    if (type !== 'multichoice' && type !== 'truefalse') {
      result.skipped.push({ name, type, reason: `Moodle "${type}" questions have no equivalent here` });
      continue;
    }
    const prompt = formatted(child(q, 'questiontext'));
    const explanation = formatted(child(q, 'generalfeedback'));
    const answers = childrenNamed(q, 'answer').map((a) => ({ text: plainText(textOf(child(a, 'text')), a.attrs.format ?? 'html'), fraction: Number(a.attrs.fraction ?? 0), feedback: formatted(child(a, 'feedback')) }));
    if (type === 'truefalse') {
      const right = answers.find((a) => a.fraction > 0);
      if (!right || !/^(true|false)$/i.test(right.text)) {
        result.skipped.push({ name, type, reason: 'no answer is marked correct' });
        continue;
      }
      result.questions.push(trueFalseQuestion({ id: questionId(name, taken), name, prompt, explanation: explanation || right.feedback, answer: right.text.toLowerCase() === 'true' }));
      continue;
    }
    const single = textOf(child(q, 'single')).trim();
    const built = choiceQuestion({ name, prompt, explanation, answers, single: !(single === 'false' || single === '0'), optionId });
    if (isSkipped(built)) result.skipped.push(built);
    else result.questions.push({ ...built, id: questionId(name, taken) });
  }
  return result;
}
