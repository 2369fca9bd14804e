// What a compliance officer signs off: quizzes that cannot be guessed from option length, Chinese text without
// state-secret grades or wrong terms, the same ids in both languages, and one rule for each recurring practice.
// Every check is also run on a deliberately broken copy, to show it fails on bad content.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  allTexts,
  checklistOf,
  checklistSlugs,
  consistencyConflicts,
  correctIsLongest,
  courseSlugs,
  idDifferences,
  idsOf,
  mostlyRight,
  quizOf,
  stateSecretGrades,
  wrongTerms,
} from '../../support/content-checks.ts';

const real = path.resolve('content');
const locales = ['en', 'zh-cn'] as const;

let copy: string;
beforeEach(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-quality-'));
  fs.cpSync(real, copy, { recursive: true });
});
const edit = (rel: string, change: (text: string) => string) => {
  const file = path.join(copy, rel);
  const before = fs.readFileSync(file, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${rel} changed nothing`).not.toBe(before);
  fs.writeFileSync(file, after);
};

/** Courses whose correct single-choice answer is the longest option in more than a third of the single-choice questions. */
function guessableQuizzes(root: string): string[] {
  const out: string[] = [];
  for (const locale of locales) {
    for (const course of courseSlugs(root, locale)) {
      const { singles, longest } = correctIsLongest(quizOf(root, locale, course));
      if (longest.length * 3 > singles) out.push(`${locale}/${course}: ${longest.length} of ${singles} (${longest.join(', ')})`);
    }
  }
  return out;
}

function stateSecretUses(root: string): string[] {
  return allTexts(root, 'zh-cn').flatMap(({ file, text }) => stateSecretGrades(text).map((g) => `${file}: ${g}`));
}

describe('quizzes cannot be guessed', () => {
  it('the correct option is the longest in at most a third of the single-choice questions, in every quiz and both languages', () => {
    expect(guessableQuizzes(real)).toEqual([]);
  });

  it('every quiz has single-choice questions to judge, and no multiple-choice question has most of its options right', () => {
    for (const locale of locales) {
      for (const course of courseSlugs(real, locale)) {
        const quiz = quizOf(real, locale, course);
        expect(quiz.filter((q) => q.type === 'single').length, `${locale}/${course}`).toBeGreaterThanOrEqual(6);
        expect(mostlyRight(quiz), `${locale}/${course}`).toEqual([]);
      }
    }
  });

  it('fails when the right answers are padded to be the longest', () => {
    edit('courses/zh-cn/emergency-response/quiz.yaml', (t) => t.replace(/(text: "[^"\n]*)("\n\s*correct: true)/g, '$1，这一点请务必牢记在心$2'));
    expect(guessableQuizzes(copy)).toEqual([expect.stringMatching(/^zh-cn\/emergency-response: (\d+) of \1 /)]);
  });

  it('fails on a multiple-choice question with 4 of 5 options right', () => {
    const quiz = quizOf(real, 'en', 'confidentiality');
    const q = quiz.find((x) => x.type === 'multiple' && x.options.length === 5)!;
    const bad = { ...q, options: q.options.map((o, i) => ({ ...o, correct: i < 4 ? true : undefined })) };
    expect(mostlyRight([bad])).toEqual([q.id]);
    expect(mostlyRight([{ ...q, options: q.options.map((o, i) => ({ ...o, correct: i < 3 ? true : undefined })) }])).toEqual([]);
  });
});

describe('Chinese sensitivity labels are commercial, not state-secret grades', () => {
  it('no zh-cn course or checklist text uses 绝密, 机密 or 秘密', () => {
    expect(stateSecretUses(real)).toEqual([]);
  });

  it('finds each grade, and leaves 保密, 严格保密 and the statutory 商业秘密 alone', () => {
    expect(stateSecretGrades('资料分为公开、内部、保密、严格保密四级；保密协议；保密义务；客户的商业秘密')).toEqual([]);
    expect(stateSecretGrades('标为绝密；商业机密；秘密级文件；机密')).toEqual(['绝密', '机密', '秘密', '机密']);
  });

  it('fails when a lesson or a checklist uses one', () => {
    edit('courses/zh-cn/confidentiality/02-who-may-see-what.md', (t) => t.replace('**严格保密**', '**绝密**'));
    edit('checklists/zh-cn/client-data-handling.yaml', (t) => t.replace('默认级别为“保密”', '默认级别为“机密”'));
    expect(stateSecretUses(copy)).toEqual(['courses/zh-cn/confidentiality/02-who-may-see-what.md: 绝密', 'checklists/zh-cn/client-data-handling.yaml: 机密']);
  });

  it('uses the firm\'s terms: 公司 not 本所, no 合伙人, 委托协议 not 委托书, 诉讼保留 not 法律保全', () => {
    expect(allTexts(real, 'zh-cn').flatMap(({ file, text }) => wrongTerms(text).map((w) => `${file}: ${w}`))).toEqual([]);
    expect(wrongTerms('本所的合伙人签了委托书，资料处于法律保全；另附授权委托书')).toEqual(['本所', '合伙人', '委托书', '法律保全']);
  });
});

describe('en and zh-cn use the same ids', () => {
  it('lesson files, questions, options and correct answers, checklist sections and items', () => {
    expect(idsOf(real, 'en').length).toBeGreaterThan(400);
    expect(idDifferences(idsOf(real, 'en'), idsOf(real, 'zh-cn'))).toEqual([]);
  });

  it('fails on a renamed option, lesson file or checklist section', () => {
    edit('courses/zh-cn/retention-and-destruction/quiz.yaml', (t) => t.replace(/(id: id-records-period[\s\S]*?- id: )b\n/, '$1x\n'));
    fs.renameSync(path.join(copy, 'courses/zh-cn/emergency-response/02-the-first-hour.md'), path.join(copy, 'courses/zh-cn/emergency-response/02-first-hour.md'));
    edit('checklists/zh-cn/records-destruction.yaml', (t) => t.replace('id: "records"', 'id: "register"'));
    expect(idDifferences(idsOf(copy, 'en'), idsOf(copy, 'zh-cn'))).toEqual([
      'only en: courses/emergency-response lesson file: 02-the-first-hour.md',
      'only en: courses/retention-and-destruction id-records-period option: b (correct)',
      'only en: checklists/records-destruction section: records',
      'only en: checklists/records-destruction records item: rd-14',
      'only en: checklists/records-destruction records item: rd-15',
      'only en: checklists/records-destruction records item: rd-16',
      'only en: checklists/records-destruction records item: rd-17',
      'only zh-cn: courses/emergency-response lesson file: 02-first-hour.md',
      'only zh-cn: courses/retention-and-destruction id-records-period option: x (correct)',
      'only zh-cn: checklists/records-destruction section: register',
      'only zh-cn: checklists/records-destruction register item: rd-14',
      'only zh-cn: checklists/records-destruction register item: rd-15',
      'only zh-cn: checklists/records-destruction register item: rd-16',
      'only zh-cn: checklists/records-destruction register item: rd-17',
    ]);
  });

  it('fails when the correct answer differs between languages', () => {
    edit('courses/en/confidentiality/quiz.yaml', (t) => t.replace(/(id: q-default-label[\s\S]*?)\n\s*correct: true/, '$1').replace(/(id: q-default-label[\s\S]*?- id: c\n\s*text: "[^"]*")/, '$1\n        correct: true'));
    expect(idDifferences(idsOf(copy, 'en'), idsOf(copy, 'zh-cn'))).toEqual([
      'only en: courses/confidentiality q-default-label option: b',
      'only en: courses/confidentiality q-default-label option: c (correct)',
      'only zh-cn: courses/confidentiality q-default-label option: b (correct)',
      'only zh-cn: courses/confidentiality q-default-label option: c',
    ]);
  });
});

describe('one rule for each recurring practice, in every course and checklist', () => {
  it('access rights every six months, logs every month, two witnesses, four labels with Confidential as the default', () => {
    for (const locale of locales) expect(consistencyConflicts(real, locale), locale).toEqual([]);
  });

  it('states the witness rule as two witnesses in the destruction lesson and both checklists', () => {
    const read = (rel: string) => fs.readFileSync(path.join(real, rel), 'utf8');
    expect(read('courses/en/retention-and-destruction/04-secure-destruction.md')).toContain('**two witnesses**');
    expect(read('courses/zh-cn/retention-and-destruction/04-secure-destruction.md')).toContain('**两名监销人**');
    for (const locale of locales) {
      const item = (slug: string, id: string) => checklistOf(real, locale, slug).sections.flatMap((s) => s.items).find((i) => i.id === id)!.text;
      expect(item('records-destruction', 'rd-11')).toMatch(locale === 'en' ? /Two witnesses/ : /两名/);
      expect(item('client-data-handling', 's07-05')).toMatch(locale === 'en' ? /two witnesses/ : /两名[^。]*监销人/);
    }
  });

  it('fails on a quarterly access review, a quarterly log review, a single witness or another default label', () => {
    edit('courses/en/confidentiality/02-who-may-see-what.md', (t) => t.replace('**Every six months** Compliance reviews all access rights', 'Every quarter Compliance reviews all access rights'));
    edit('courses/en/confidentiality/04-look-ups-are-logged.md', (t) => t.replace('reviews access reports every month', 'reviews access reports every quarter'));
    edit('checklists/en/records-destruction.yaml', (t) => t.replace('Two witnesses (监销人) who did not handle the records, one of them from Compliance, watch', 'One witness from Compliance watches'));
    edit('courses/zh-cn/retention-and-destruction/01-classification-and-labelling.md', (t) => t.replace('客户资料默认为 **保密**', '客户资料默认为 **严格保密**'));
    edit('checklists/zh-cn/client-data-handling.yaml', (t) => t.replace('并每月检查一次异常行为', '并每季度检查一次异常行为'));
    const rules = (locale: 'en' | 'zh-cn') => consistencyConflicts(copy, locale).map((c) => `${c.file}: ${c.rule}`);
    expect(rules('en')).toEqual([
      'courses/en/confidentiality/02-who-may-see-what.md: access rights are reviewed every six months',
      'courses/en/confidentiality/04-look-ups-are-logged.md: logs are reviewed every month',
      'checklists/en/records-destruction.yaml: two witnesses at every destruction',
    ]);
    expect(rules('zh-cn')).toEqual(['courses/zh-cn/retention-and-destruction/01-classification-and-labelling.md: 默认级别为“保密”', 'checklists/zh-cn/client-data-handling.yaml: 日志每月审阅一次']);
  });
});

describe('the main checklist', () => {
  it('keeps all 120 points of the source, six per section in 20 sections, under their original ids, with new points added after them', () => {
    for (const locale of locales) {
      const sections = checklistOf(real, locale, 'client-data-handling').sections;
      expect(sections).toHaveLength(20);
      sections.forEach((s, i) => {
        const n = String(i + 1).padStart(2, '0');
        expect(s.id.startsWith(`s${n}-`)).toBe(true);
        expect(s.items.slice(0, 6).map((item) => item.id)).toEqual([1, 2, 3, 4, 5, 6].map((k) => `s${n}-0${k}`));
        expect(s.items.slice(6).every((item) => new RegExp(`^s${n}-(0[7-9]|[1-9]\\d)$`).test(item.id))).toBe(true);
      });
    }
  });

  it('has the controls the review found missing', () => {
    const en = checklistOf(real, 'en', 'client-data-handling').sections.flatMap((s) => s.items);
    const find = (re: RegExp) => en.filter((i) => re.test(i.text)).map((i) => i.id);
    expect(find(/Arts?\. 44/)).not.toEqual([]); // individuals' requests
    expect(find(/Art\. 21/)).not.toEqual([]); // written agreements with processors
    expect(find(/named person is responsible for personal-information protection/)).not.toEqual([]);
    expect(find(/compliance audits/)).not.toEqual([]);
    expect(find(/handed back/)).not.toEqual([]);
    expect(find(/seals, business licences, tax UKeys/)).not.toEqual([]);
    expect(find(/cyberspace administration/)).not.toEqual([]);
  });

  it('the thin guidance of sections 14, 16, 19 and 20 names its evidence, and large-firm points say how to take them as N/A', () => {
    for (const locale of locales) {
      const items = checklistOf(real, locale, 'client-data-handling').sections.filter((s) => /^s(14|16|19|20)-/.test(s.id)).flatMap((s) => s.items);
      expect(items).toHaveLength(24);
      for (const i of items) expect(i.guidance.length, `${locale} ${i.id}`).toBeGreaterThan(locale === 'en' ? 150 : 60);
      const large = items.filter((i) => (locale === 'en' ? i.guidance.startsWith('Scale: mainly for larger firms.') : i.guidance.startsWith('适用规模：主要适用于规模较大的公司。')));
      expect(large.length, locale).toBeGreaterThanOrEqual(8);
      for (const i of large) expect(i.guidance, `${locale} ${i.id}`).toMatch(locale === 'en' ? /N\/A[^.]*reason/ : /不适用[^。]*理由/);
    }
  });
});

it('every checklist and course in both languages was read', () => {
  for (const locale of locales) {
    expect(courseSlugs(real, locale)).toEqual(['confidentiality', 'emergency-response', 'retention-and-destruction']);
    expect(checklistSlugs(real, locale)).toEqual(['client-data-handling', 'emergency-drill', 'records-destruction']);
  }
});
