// Published documents written out in the content/ format (DESIGN "Content formats"): what
// `content export` writes and what the history's text diff compares. loadCatalog reads it back.
import { stringify } from 'yaml';
import { locales } from '../../i18n/index.ts';
import type { ChecklistDocument, CourseDoc } from './documents.ts';

const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });

/** A course's files, by path relative to the content root (`courses/en/<slug>/course.yaml` …). */
export function courseFiles(slug: string, version: number, doc: CourseDoc): Map<string, string> {
  const files = new Map<string, string>();
  for (const locale of locales) {
    const l = doc[locale];
    const dir = `courses/${locale}/${slug}`;
    const meta = { title: l.title, summary: l.summary, version, passMark: doc.passMark, recertifyMonths: doc.recertifyMonths, estimatedMinutes: doc.estimatedMinutes, audience: doc.audience };
    files.set(`${dir}/course.yaml`, yaml(meta));
    l.lessons.forEach((lesson, i) => {
      files.set(`${dir}/${String(i + 1).padStart(2, '0')}-${lesson.slug}.md`, `---\n${yaml({ title: lesson.title })}---\n${lesson.markdown}`);
    });
    files.set(`${dir}/quiz.yaml`, yaml(l.quiz));
  }
  return files;
}

/** A checklist's files, by path relative to the content root. */
export function checklistFiles(slug: string, version: number, doc: ChecklistDocument): Map<string, string> {
  return new Map(locales.map((locale) => [`checklists/${locale}/${slug}.yaml`, yaml({ title: doc[locale].title, version, sections: doc[locale].sections })]));
}
