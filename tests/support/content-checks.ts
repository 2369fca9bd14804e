// Test-side checks of content/ read straight from the files (not through the loader under test):
// quiz fairness, Chinese sensitivity labels and terminology, and ids that must agree across locales.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export type RawOption = { id: string; text: string; correct?: boolean };
export type RawQuestion = { id: string; type: string; prompt: string; options: RawOption[] };
type RawChecklist = { sections: { id: string; title: string; items: { id: string; text: string; guidance: string }[] }[] };

const dirs = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const files = (dir: string, ext: string) => fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort();

export function courseSlugs(root: string, locale: string): string[] {
  return dirs(path.join(root, 'courses', locale));
}
export function checklistSlugs(root: string, locale: string): string[] {
  return files(path.join(root, 'checklists', locale), '.yaml').map((f) => f.slice(0, -5));
}
export function quizOf(root: string, locale: string, course: string): RawQuestion[] {
  return parse(fs.readFileSync(path.join(root, 'courses', locale, course, 'quiz.yaml'), 'utf8')).questions;
}
export function checklistOf(root: string, locale: string, slug: string): RawChecklist {
  return parse(fs.readFileSync(path.join(root, 'checklists', locale, `${slug}.yaml`), 'utf8'));
}

/** Single-choice questions whose correct option is at least as long as every other option. */
export function correctIsLongest(questions: RawQuestion[]): { singles: number; longest: string[] } {
  const singles = questions.filter((q) => q.type === 'single');
  const longest = singles
    .filter((q) => {
      const right = q.options.find((o) => o.correct)!;
      return q.options.every((o) => o === right || [...right.text].length >= [...o.text].length);
    })
    .map((q) => q.id);
  return { singles: singles.length, longest };
}

/** Multiple-choice questions where more than half (rounded up) of the options are right, e.g. 4 of 5 or 3 of 4. */
export function mostlyRight(questions: RawQuestion[]): string[] {
  return questions.filter((q) => q.type === 'multiple' && q.options.filter((o) => o.correct).length > Math.ceil(q.options.length / 2)).map((q) => q.id);
}

/**
 * The state-secret grades (绝密, 机密, 秘密) used in a text. 保密 and 严格保密 are different words and never match.
 * 商业秘密 ("trade secret") is the statutory term of the Anti-Unfair Competition Law and the agency bookkeeping
 * rules, not a sensitivity label, so it is the one compound that is allowed.
 */
export function stateSecretGrades(text: string): string[] {
  return [...text.replaceAll('商业秘密', '').matchAll(/绝密|机密|秘密/g)].map((m) => m[0]);
}

/** Chinese terms the firm does not use: it is a 公司 (not 本所, no 合伙人), an engagement is a 委托协议/服务合同, a legal hold is 诉讼保留. */
export function wrongTerms(text: string): string[] {
  return [...text.matchAll(/本所|合伙人|法律保全|(?<!授权)委托书/g)].map((m) => m[0]);
}

/** Every piece of text a locale's courses and checklists show, with the file it came from. */
export function allTexts(root: string, locale: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const course of courseSlugs(root, locale)) {
    const dir = path.join(root, 'courses', locale, course);
    for (const f of fs.readdirSync(dir).sort()) out.push({ file: path.join('courses', locale, course, f), text: fs.readFileSync(path.join(dir, f), 'utf8') });
  }
  for (const f of files(path.join(root, 'checklists', locale), '.yaml')) out.push({ file: path.join('checklists', locale, f), text: fs.readFileSync(path.join(root, 'checklists', locale, f), 'utf8') });
  return out;
}

/** Every id that must be the same in both locales, as "where: id" lines, in file order. */
export function idsOf(root: string, locale: string): string[] {
  const out: string[] = [];
  for (const course of courseSlugs(root, locale)) {
    const dir = path.join(root, 'courses', locale, course);
    for (const f of files(dir, '.md')) out.push(`courses/${course} lesson file: ${f}`);
    for (const q of quizOf(root, locale, course)) {
      out.push(`courses/${course} question: ${q.id}`);
      for (const o of q.options) out.push(`courses/${course} ${q.id} option: ${o.id}${o.correct ? ' (correct)' : ''}`);
    }
  }
  for (const slug of checklistSlugs(root, locale)) {
    for (const s of checklistOf(root, locale, slug).sections) {
      out.push(`checklists/${slug} section: ${s.id}`);
      for (const i of s.items) out.push(`checklists/${slug} ${s.id} item: ${i.id}`);
    }
  }
  return out;
}

/** The lines of `a` missing from `b` and the other way round. */
export function idDifferences(a: string[], b: string[]): string[] {
  const inB = new Set(b);
  const inA = new Set(a);
  return [...a.filter((x) => !inB.has(x)).map((x) => `only en: ${x}`), ...b.filter((x) => !inA.has(x)).map((x) => `only zh-cn: ${x}`), ...(a.join('\n') !== b.join('\n') && a.length === b.length && a.every((x) => inB.has(x)) ? ['same ids, different order'] : [])];
}

/** Sentences of a text (split at full stops, semicolons and line breaks, in both languages), markdown emphasis removed. */
export function sentences(text: string): string[] {
  return text
    .replaceAll('**', '')
    .split(/(?<=[.;。；！？])\s+|(?<=[。；])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export type Conflict = { file: string; sentence: string; rule: string };

type Rule = { rule: string; about: RegExp; must?: RegExp; mustNot?: RegExp; unless?: RegExp };

/** One access-review frequency (every six months), one log-review frequency (monthly), one witness rule (two), one set of labels with one default. */
export const consistencyRules: Record<'en' | 'zh-cn', Rule[]> = {
  en: [
    { rule: 'access rights are reviewed every six months', about: /(access rights|authorised-user list|permissions)[^.;]*(review|re-certif)|access review|re-certif/i, must: /six months|6 months|six-monthly/i, mustNot: /quarter|every month|(?<!six-)monthly|12 months|every year|annual|yearly/i },
    { rule: 'logs are reviewed every month', about: /log review|access reports|reviewed for unusual activity|entry log[^.;]*review|review[^.;]*entry log/i, must: /month/i, mustNot: /quarter|annual|yearly|every year|weekly/i },
    { rule: 'two witnesses at every destruction', about: /witness/i, mustNot: /second person|one witness|single witness|the other, the witness|acting as witness|and the witness\b|one of our witnesses\b/i, unless: /finding/i },
    { rule: 'the four labels are Public, Internal, Confidential, Strictly confidential', about: /Restricted/, mustNot: /\bRestricted\b/ },
    { rule: 'Confidential is the default label', about: /default/i, unless: /^(?![\s\S]*\b(Public|Internal|Confidential|Strictly confidential)\b)/, must: /\bConfidential\b/ },
  ],
  'zh-cn': [
    { rule: '权限每半年复核一次', about: /(权限|授权人员名单)[^。；]*(复核|重新确认)|(复核|重新确认)[^。；]*(权限|授权人员名单)/, must: /半年|6个月/, mustNot: /季度|每月|每年|12个月/, unless: /当天/ },
    { rule: '日志每月审阅一次', about: /(日志|访问报告|出入登记)[^。；]*(审阅|异常|复核)|(审阅|复核)[^。；]*(日志|访问报告|出入登记)/, must: /每月|月度/, mustNot: /季度|每年|每周/ },
    { rule: '每次销毁两名监销人', about: /监销|见证/, mustNot: /第二人|另一人担任|一名监销人|见证人/, unless: /问题项/ },
    { rule: '四个级别：公开、内部、保密、严格保密', about: /密级/, mustNot: /密级/ },
    { rule: '默认级别为“保密”', about: /默认/, unless: /^(?![\s\S]*(公开|内部|保密))/, must: /保密/, mustNot: /默认(级别)?(为|是)?[“"\s]*严格保密/ },
  ],
};

/** Sentences of a locale's courses and checklists that break one of the consistency rules. */
export function consistencyConflicts(root: string, locale: 'en' | 'zh-cn'): Conflict[] {
  const out: Conflict[] = [];
  for (const { file, text } of allTexts(root, locale)) {
    for (const sentence of sentences(text)) {
      for (const r of consistencyRules[locale]) {
        if (!r.about.test(sentence) || r.unless?.test(sentence)) continue;
        if ((r.must && !r.must.test(sentence)) || r.mustNot?.test(sentence)) out.push({ file, sentence, rule: r.rule });
      }
    }
  }
  return out;
}
