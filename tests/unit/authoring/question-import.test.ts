// Question files as Moodle exports them (Question bank → Export, Moodle XML and GIFT): the same
// six questions in both files, three of them of types we do not have.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGift } from '../../../src/lib/authoring/questions/parse-gift.ts';
import { parseMoodleXml } from '../../../src/lib/authoring/questions/parse-moodle-xml.ts';
import { XmlError } from '../../../src/lib/authoring/questions/read-xml.ts';
import { questionSchema } from '../../../src/lib/content/schemas.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

const expected = [
  {
    id: 'q-retention-period-for-tax-records',
    name: 'Retention period for tax records',
    type: 'single',
    prompt: "How long must a client's tax records be kept after the engagement ends?",
    options: [
      { id: 'a', text: 'Two years' },
      { id: 'b', text: 'Ten years', correct: true },
      { id: 'c', text: 'Until the client asks for them back & no longer' },
    ],
    explanation: 'Ten years, counted from the end of the year the engagement ended.',
    warnings: [],
  },
  {
    id: 'q-shredding-methods',
    name: 'Shredding methods',
    type: 'multiple',
    prompt: 'Which methods destroy paper records properly? Select all that apply.',
    options: [
      { id: 'a', text: 'Cross-cut shredding', correct: true },
      { id: 'b', text: 'A certified destruction service', correct: true },
      { id: 'c', text: 'The recycling bin' },
    ],
    // no general feedback: the right answers' own feedback explains it
    explanation: 'Cross-cut particles cannot be pieced together. With a certificate of destruction.',
    warnings: [],
  },
  {
    id: 'q-former-clients',
    name: 'Former clients',
    type: 'truefalse',
    prompt: "Former clients' files may be handled with less care.",
    options: [
      { id: 'true', text: 'True' },
      { id: 'false', text: 'False', correct: true },
    ],
    explanation: 'Former clients are protected exactly as current ones.',
    warnings: [],
  },
];

describe('Moodle XML import', () => {
  it('reads multiple choice, multiple response and true/false, and lists the other types as skipped by name', () => {
    const result = parseMoodleXml(fixture('moodle-questions.xml'));
    expect(result.questions).toEqual(expected);
    expect(result.skipped.map((s) => [s.name, s.type])).toEqual([
      ['Name the regulator', 'shortanswer'],
      ['Describe a breach', 'essay'],
      ['Match the classes', 'matching'],
    ]);
    for (const { name: _n, warnings: _w, ...q } of result.questions) expect(questionSchema.safeParse(q).success).toBe(true);
  });

  it('gives new ids that do not clash with the questions the course has', () => {
    const result = parseMoodleXml(fixture('moodle-questions.xml'), ['q-former-clients']);
    expect(result.questions.map((q) => q.id)).toEqual(['q-retention-period-for-tax-records', 'q-shredding-methods', 'q-former-clients-2']);
  });

  it('refuses a file that is not a Moodle quiz export', () => {
    expect(() => parseMoodleXml('<html><body>hi</body></html>')).toThrow(XmlError);
    expect(() => parseMoodleXml('<quiz><question type="truefalse">')).toThrow(XmlError);
  });
});

describe('GIFT import', () => {
  it('reads the same questions from the GIFT export, and skips short answer, essay, matching and numerical by name', () => {
    const result = parseGift(fixture('moodle-questions.gift'));
    expect(result.questions).toEqual(expected);
    expect(result.skipped.map((s) => [s.name, s.type])).toEqual([
      ['Name the regulator', 'shortanswer'],
      ['Describe a breach', 'essay'],
      ['Match the classes', 'matching'],
      ['Ratio', 'numerical'],
    ]);
  });

  it('reads hand-written GIFT: one-line questions, {T}, escapes, and partial credit on a single answer', () => {
    const result = parseGift(
      [
        '::Sum:: What is 2\\+2\\=? {=four ~three ~five}',
        '',
        '::Sun:: The sun is a star. {T}',
        '',
        "::Hometown:: Jesus Christ was from {~Jerusalem#Wrong. ~%25%Bethlehem#Born there. =Nazareth#Yes!}",
        '',
        '::Two:: Pick the two. {~%50%A ~%50%B ~%-100%C}',
      ].join('\n'),
    );
    expect(result.skipped).toEqual([]);
    expect(result.questions.map((q) => [q.id, q.type, q.options.filter((o) => o.correct).map((o) => o.text)])).toEqual([
      ['q-sum', 'single', ['four']],
      ['q-sun', 'truefalse', ['True']],
      ['q-hometown', 'single', ['Nazareth']],
      ['q-two', 'multiple', ['A', 'B']],
    ]);
    expect(result.questions[0]!.prompt).toBe('What is 2\\+2=?');
    expect(result.questions[1]!.warnings).toEqual([expect.stringContaining('explanation')]);
    expect(result.questions[2]!.explanation).toBe('Yes!');
  });
});
