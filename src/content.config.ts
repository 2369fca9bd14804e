// Content collections over content/: the build loads and validates every course and checklist
// (both locales, ids that agree), so a content error fails `astro build` naming the file and field.
import { defineCollection } from 'astro:content';
import path from 'node:path';
import { loadCatalog } from './lib/content/load-content.ts';

const root = path.resolve(process.env.LMS_CONTENT_DIR ?? 'content');

const courses = defineCollection({
  loader: async () =>
    [...loadCatalog(root).courses.entries()].flatMap(([slug, byLocale]) =>
      Object.values(byLocale).map((c) => ({ id: `${c.locale}/${slug}`, title: c.meta.title, version: c.meta.version, lessons: c.lessons.length, questions: c.quiz.questions.length })),
    ),
});

const checklists = defineCollection({
  loader: async () =>
    [...loadCatalog(root).checklists.entries()].flatMap(([slug, byLocale]) =>
      Object.values(byLocale).map((c) => ({ id: `${c.locale}/${slug}`, title: c.title, version: c.version, items: c.sections.reduce((n, s) => n + s.items.length, 0) })),
    ),
});

export const collections = { courses, checklists };
