import type { Locale } from '../../i18n/index.ts';
import { config } from '../config.ts';
import { loadCatalog, type Catalog, type ChecklistDoc, type Course } from './load-content.ts';

let cached: Catalog | undefined;

/** The validated content of this install, read once per process. */
export function catalog(): Catalog {
  cached ??= loadCatalog(config().contentDir);
  return cached;
}

/** One course in one locale, or undefined. */
export function getCourse(slug: string, locale: Locale): Course | undefined {
  return catalog().courses.get(slug)?.[locale];
}

/** Every course in one locale, in a stable order. */
export function listCourses(locale: Locale): Course[] {
  return [...catalog().courses.values()].map((c) => c[locale]);
}

/** One checklist in one locale, or undefined. */
export function getChecklist(slug: string, locale: Locale): ChecklistDoc | undefined {
  return catalog().checklists.get(slug)?.[locale];
}

/** Every checklist in one locale. */
export function listChecklists(locale: Locale): ChecklistDoc[] {
  return [...catalog().checklists.values()].map((c) => c[locale]);
}
