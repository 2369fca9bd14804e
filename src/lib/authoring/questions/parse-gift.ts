// GIFT, Moodle's text format for questions (docs.moodle.org/en/GIFT_format), as Moodle exports it:
//   // question: 12  name: Shredding
//   ::Shredding::[html]<p>Which …?</p>{
//   \t=<p>Cross-cut</p>#<p>right</p>
//   \t~<p>Strip-cut</p>
//   \t####<p>General feedback</p>
//   }
// Multiple choice (one `=` or `%n%` weights), true/false ({T}, {FALSE#…}) are read; short answer,
// numerical, matching, essay and descriptions are listed as skipped.
import { choiceQuestion, isSkipped, trueFalseQuestion, type QuestionImport } from './imported-question.ts';
import { optionId, plainText, questionId } from './question-text.ts';

const SPECIAL = /\\([~=#{}:\\])/g;
const unescape = (s: string) => s.replace(SPECIAL, '$1');

/** Splits on an unescaped character. */
function splitUnescaped(s: string, chars: string): { sep: string; text: string }[] {
  const parts: { sep: string; text: string }[] = [];
  let sep = '';
  let buf = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      buf += c + s[i + 1];
      i++;
    } else if (chars.includes(c)) {
      parts.push({ sep, text: buf });
      sep = c;
      buf = '';
    } else buf += c;
  }
  parts.push({ sep, text: buf });
  return parts;
}

/** Index of the first unescaped `ch` from `from`, or -1. */
function findUnescaped(s: string, ch: string, from = 0): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

/** Splits a file into question blocks: blank lines separate them; `//` lines are comments; `$CATEGORY:` lines are not questions. */
function blocks(text: string): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let depth = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (depth === 0 && /^\s*\/\//.test(line)) continue;
    if (depth === 0 && line.trim() === '') {
      if (cur.length) out.push(cur.join('\n'));
      cur = [];
      continue;
    }
    if (depth === 0 && /^\s*\$CATEGORY:/.test(line)) continue;
    cur.push(line);
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\\') i++;
      else if (line[i] === '{') depth++;
      else if (line[i] === '}') depth = Math.max(0, depth - 1);
    }
  }
  if (cur.length) out.push(cur.join('\n'));
  return out;
}

/** Text with an optional [format] prefix (html, moodle, plain, markdown) to plain text. */
function giftText(s: string, format: string): string {
  return plainText(unescape(s.trim()), format === 'html' ? 'html' : 'plain_text');
}

/** Reads a GIFT file; skipped questions are listed with their names and type. */
export function parseGift(text: string, existingIds: Iterable<string> = []): QuestionImport {
  const taken = new Set(existingIds);
  const result: QuestionImport = { questions: [], skipped: [] };
  blocks(text).forEach((block, n) => {
    let rest = block.trim();
    let name = '';
    const title = /^::((?:\\.|[^:\\]|:(?!:))*)::/.exec(rest);
    if (title) {
      name = unescape(title[1]!.trim());
      rest = rest.slice(title[0].length);
    }
    const open = findUnescaped(rest, '{');
    const close = open < 0 ? -1 : findUnescaped(rest, '}', open);
    if (open < 0 || close < 0) {
      result.skipped.push({ name: name || `(question ${n + 1})`, type: 'description', reason: 'a description is not a question' });
      return;
    }
    const fm = /^\s*\[(html|moodle|plain|markdown)\]/.exec(rest);
    const format = fm?.[1] ?? 'moodle';
    const before = rest.slice(fm ? fm[0].length : 0, open);
    const after = rest.slice(close + 1);
    const prompt = giftText(after.trim() ? `${before} _____ ${after}` : before, format);
    name ||= prompt.slice(0, 60) || `(question ${n + 1})`;
    let answerText = rest.slice(open + 1, close).trim();
    // general feedback: everything after an unescaped ####
    let explanation = '';
    const general = answerText.search(/(?<!\\)####/);
    if (general >= 0) {
      explanation = giftText(answerText.slice(general + 4).replace(/^\[(html|moodle|plain|markdown)\]/, ''), format);
      answerText = answerText.slice(0, general).trim();
    }
    const tf = /^(T|TRUE|F|FALSE)\s*(#[\s\S]*)?$/i.exec(answerText);
    if (tf) {
      const feedback = tf[2] ? giftText(splitUnescaped(tf[2].slice(1), '#')[0]!.text, format) : '';
      result.questions.push(trueFalseQuestion({ id: questionId(name, taken), name, prompt, explanation: explanation || feedback, answer: /^t/i.test(tf[1]!) }));
      return;
    }
    if (answerText === '') return void result.skipped.push({ name, type: 'essay', reason: 'GIFT essay questions have no equivalent here' });
    if (answerText.startsWith('#')) return void result.skipped.push({ name, type: 'numerical', reason: 'GIFT numerical questions have no equivalent here' });
    const parts = splitUnescaped(answerText, '=~').filter((p) => p.sep);
    if (parts.some((p) => p.sep === '=' && /(?<!\\)->/.test(p.text))) return void result.skipped.push({ name, type: 'matching', reason: 'GIFT matching questions have no equivalent here' });
    if (!parts.some((p) => p.sep === '~')) return void result.skipped.push({ name, type: 'shortanswer', reason: 'GIFT short-answer questions have no equivalent here' });
    const answers = parts.map((p) => {
      const [main, ...fb] = splitUnescaped(p.text, '#');
      let body = main!.text.trim();
      let fraction = p.sep === '=' ? 100 : 0;
      const weight = /^%(-?\d+(?:\.\d+)?)%/.exec(body);
      if (weight) {
        fraction = Number(weight[1]);
        body = body.slice(weight[0].length);
      }
      return { text: giftText(body, format), fraction, feedback: fb.length ? giftText(fb.map((f) => f.text).join('#'), format) : '' };
    });
    // one answer worth marks is a single-choice question; several (weights like %50%) a multiple-response one
    const built = choiceQuestion({ name, prompt, explanation, answers, optionId });
    if (isSkipped(built)) result.skipped.push(built);
    else result.questions.push({ ...built, id: questionId(name, taken) });
  });
  return result;
}
