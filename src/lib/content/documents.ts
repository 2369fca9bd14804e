// The authoring shape of a course and of a checklist: both languages in one document, as the
// database stores each version and draft and as the authoring API sends and takes them. The
// checks are the content/ schemas', plus the rule that both languages share every id.
import { z } from 'zod';
import { locales, type Locale } from '../../i18n/index.ts';
import type { ChecklistDoc, Course } from './load-content.ts';
import { checkUniqueChecklistIds, checklistSectionSchema, courseMetaSchema, id, quizSchema } from './schemas.ts';

export const lessonDocSchema = z.strictObject({ slug: id, title: z.string().min(1), markdown: z.string() });

const courseLocaleSchema = z
  .strictObject({
    title: z.string().min(1),
    summary: z.string().min(1),
    lessons: z.array(lessonDocSchema).min(1, 'the course has no lessons'),
    quiz: quizSchema,
  })
  .superRefine((c, ctx) => {
    c.lessons.forEach((l, i) => {
      if (!l.markdown.trim()) ctx.addIssue({ code: 'custom', path: ['lessons', i, 'markdown'], message: 'the lesson has no text' });
      if (c.lessons.findIndex((x) => x.slug === l.slug) !== i) ctx.addIssue({ code: 'custom', path: ['lessons', i, 'slug'], message: `lesson slug "${l.slug}" is used twice` });
    });
  });

const settings = courseMetaSchema.pick({ passMark: true, recertifyMonths: true, estimatedMinutes: true, audience: true }).shape;

export const courseDocSchema = z.strictObject({ ...settings, en: courseLocaleSchema, 'zh-cn': courseLocaleSchema });

const checklistLocaleSchema = z.strictObject({ title: z.string().min(1), sections: z.array(checklistSectionSchema).min(1) }).superRefine(checkUniqueChecklistIds);

export const checklistDocSchema = z.strictObject({ en: checklistLocaleSchema, 'zh-cn': checklistLocaleSchema });

export type CourseDoc = z.infer<typeof courseDocSchema>;
export type ChecklistDocument = z.infer<typeof checklistDocSchema>;
export type ContentDoc = CourseDoc | ChecklistDocument;
export type Problem = { field: string; message: string };
export type Validated<T> = { ok: true; doc: T } | { ok: false; problems: Problem[] };

const field = (path: PropertyKey[]) => path.map(String).join('.') || '(root)';

function sameIds(problems: Problem[], path: string, en: string[], zh: string[], what: string): void {
  const n = Math.max(en.length, zh.length);
  for (let i = 0; i < n; i++) {
    if (en[i] !== zh[i]) problems.push({ field: `zh-cn.${path}.${i}.id`, message: `${what} ids differ between the languages: "${en[i] ?? '(none)'}" in English, "${zh[i] ?? '(none)'}" in Chinese` });
  }
}

/** Every problem with a course document, each naming its field (`en.quiz.questions.2.options`). */
export function validateCourseDoc(data: unknown): Validated<CourseDoc> {
  const parsed = courseDocSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ field: field(i.path), message: i.message })) };
  const { en, 'zh-cn': zh } = parsed.data;
  const problems: Problem[] = [];
  const n = Math.max(en.lessons.length, zh.lessons.length);
  for (let i = 0; i < n; i++) {
    if (en.lessons[i]?.slug !== zh.lessons[i]?.slug) problems.push({ field: `zh-cn.lessons.${i}.slug`, message: `lesson slugs differ between the languages: "${en.lessons[i]?.slug ?? '(none)'}" in English, "${zh.lessons[i]?.slug ?? '(none)'}" in Chinese` });
  }
  sameIds(problems, 'quiz.questions', en.quiz.questions.map((q) => q.id), zh.quiz.questions.map((q) => q.id), 'question');
  en.quiz.questions.forEach((q, i) => {
    const other = zh.quiz.questions[i];
    if (!other || other.id !== q.id) return;
    if (other.type !== q.type) problems.push({ field: `zh-cn.quiz.questions.${i}.type`, message: `the type differs between the languages (${q.type} / ${other.type})` });
    sameIds(problems, `quiz.questions.${i}.options`, q.options.map((o) => o.id), other.options.map((o) => o.id), 'option');
    const correct = (x: typeof q) => x.options.filter((o) => o.correct).map((o) => o.id).join(',');
    if (correct(q) !== correct(other)) problems.push({ field: `zh-cn.quiz.questions.${i}.options`, message: 'the correct options differ between the languages' });
  });
  return problems.length ? { ok: false, problems } : { ok: true, doc: parsed.data };
}

/** Every problem with a checklist document, each naming its field. */
export function validateChecklistDoc(data: unknown): Validated<ChecklistDocument> {
  const parsed = checklistDocSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ field: field(i.path), message: i.message })) };
  const { en, 'zh-cn': zh } = parsed.data;
  const problems: Problem[] = [];
  sameIds(problems, 'sections', en.sections.map((s) => s.id), zh.sections.map((s) => s.id), 'section');
  en.sections.forEach((s, si) => {
    const other = zh.sections[si];
    if (!other || other.id !== s.id) return;
    sameIds(problems, `sections.${si}.items`, s.items.map((i) => i.id), other.items.map((i) => i.id), 'item');
    s.items.forEach((item, ii) => {
      const o = other.items[ii];
      if (o && o.id === item.id && (o.severity !== item.severity || o.evidence !== item.evidence)) {
        problems.push({ field: `zh-cn.sections.${si}.items.${ii}`, message: 'severity and evidence must be the same in both languages' });
      }
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, doc: parsed.data };
}

/** A published course document as the catalog's per-language courses. */
export function coursesFromDoc(slug: string, version: number, doc: CourseDoc): Record<Locale, Course> {
  const one = (locale: Locale): Course => {
    const l = doc[locale];
    return {
      slug,
      locale,
      meta: { title: l.title, summary: l.summary, version, passMark: doc.passMark, recertifyMonths: doc.recertifyMonths, estimatedMinutes: doc.estimatedMinutes, audience: doc.audience },
      lessons: l.lessons.map((lesson, i) => ({ slug: lesson.slug, order: i + 1, title: lesson.title, markdown: lesson.markdown })),
      quiz: l.quiz,
    };
  };
  return { en: one('en'), 'zh-cn': one('zh-cn') };
}

/** The catalog's per-language courses (e.g. read from content/) as one document. */
export function docFromCourses(c: Record<Locale, Course>): CourseDoc {
  const { passMark, recertifyMonths, estimatedMinutes, audience } = c.en.meta;
  const one = (locale: Locale) => ({
    title: c[locale].meta.title,
    summary: c[locale].meta.summary,
    lessons: [...c[locale].lessons].sort((a, b) => a.order - b.order).map((l) => ({ slug: l.slug, title: l.title, markdown: l.markdown })),
    quiz: c[locale].quiz,
  });
  return courseDocSchema.parse({ passMark, recertifyMonths, estimatedMinutes, audience, en: one('en'), 'zh-cn': one('zh-cn') });
}

/** A published checklist document as the catalog's per-language checklists. */
export function checklistsFromDoc(slug: string, version: number, doc: ChecklistDocument): Record<Locale, ChecklistDoc> {
  return Object.fromEntries(locales.map((locale) => [locale, { title: doc[locale].title, version, sections: doc[locale].sections, slug, locale }])) as Record<Locale, ChecklistDoc>;
}

/** The catalog's per-language checklists as one document. */
export function docFromChecklists(c: Record<Locale, ChecklistDoc>): ChecklistDocument {
  return checklistDocSchema.parse({ en: { title: c.en.title, sections: c.en.sections }, 'zh-cn': { title: c['zh-cn'].title, sections: c['zh-cn'].sections } });
}

/** A stable text form of a document (keys sorted), to tell whether two are the same content. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(value));
}

/** Just the document's own fields of an object that carries more (a published version or draft with its metadata). */
export function pickDoc(kind: 'course' | 'checklist', from: Record<string, unknown>): ContentDoc {
  const keys = kind === 'course' ? ['passMark', 'recertifyMonths', 'estimatedMinutes', 'audience', 'en', 'zh-cn'] : ['en', 'zh-cn'];
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as ContentDoc;
}
