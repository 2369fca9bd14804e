// The published courses and checklists, as every page and operation reads them: synchronous
// lookups into a per-process cache of what the database holds as published.
//
// The database is the source of truth (authoring publishes there). Each process keeps the latest
// published version of everything, plus every checklist version (audits keep the version they
// started on), and checks before each request whether it is stale: `content_versions.id` only
// grows, so its max() (one index lookup in the shared database) moves whenever any app server
// publishes or imports. Lesson pages therefore pay one tiny query, never a content load.
//
// Before the first refresh (unit tests, scripts that never open the database) the cache is the
// content/ directory itself, which is exactly what a fresh database imports on first start.
import { sql } from 'drizzle-orm';
import type { Locale } from '../../i18n/index.ts';
import { config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { checklistsFromDoc, coursesFromDoc, type ChecklistDocument, type CourseDoc } from './documents.ts';
import { loadCatalog, type Catalog, type ChecklistDoc, type Course } from './load-content.ts';

type Loaded = { db: Db | null; catalog: Catalog; generation: number; checklistVersions: Map<string, Record<Locale, ChecklistDoc>> };

let loaded: Loaded | undefined;
let bootstrap: Loaded | undefined;
let inflight: { db: Db; generation: number; promise: Promise<void> } | undefined;

const versionKey = (slug: string, version: number) => `${slug}@${version}`;

function current(): Loaded {
  if (loaded) return loaded;
  if (!bootstrap) {
    const catalog = loadCatalog(config().contentDir);
    bootstrap = { db: null, catalog, generation: -1, checklistVersions: new Map([...catalog.checklists].map(([slug, c]) => [versionKey(slug, c.en.version), c])) };
  }
  return bootstrap;
}

/** The content generation: grows with every published version, on whichever server published it. */
export async function contentGeneration(db: Db): Promise<number> {
  const [row] = await db.all<{ g: number | null }>(sql`SELECT max(id) AS "g" FROM content_versions`);
  return row?.g ?? 0;
}

async function loadPublished(db: Db, generation: number): Promise<Loaded> {
  // every checklist version (few, small), but only each course's latest
  const rows = await db.all<{ kind: string; slug: string; version: number; body: string }>(sql`
    SELECT kind, slug, version, body FROM content_versions v
    WHERE kind = 'checklist' OR version = (SELECT max(version) FROM content_versions w WHERE w.kind = v.kind AND w.slug = v.slug)
    ORDER BY kind, slug, version`);
  const catalog: Catalog = { courses: new Map(), checklists: new Map() };
  const checklistVersions = new Map<string, Record<Locale, ChecklistDoc>>();
  for (const r of rows) {
    if (r.kind === 'course') catalog.courses.set(r.slug, coursesFromDoc(r.slug, r.version, JSON.parse(r.body) as CourseDoc));
    else {
      const c = checklistsFromDoc(r.slug, r.version, JSON.parse(r.body) as ChecklistDocument);
      checklistVersions.set(versionKey(r.slug, r.version), c);
      catalog.checklists.set(r.slug, c); // rows come in version order: the last one is the latest
    }
  }
  return { db, catalog, generation, checklistVersions };
}

/** Makes this process's content current with the database: one cheap query, a reload only after a publish. */
export async function refreshCatalog(db: Db): Promise<void> {
  const generation = await contentGeneration(db);
  if (loaded?.db === db && loaded.generation === generation) return;
  // concurrent requests share one reload per generation; a reload of an older one never replaces a newer
  if (inflight?.db !== db || inflight.generation !== generation) {
    const promise: Promise<void> = loadPublished(db, generation)
      .then((next) => {
        if (!loaded || loaded.db !== db || next.generation >= loaded.generation) loaded = next;
      })
      .finally(() => {
        if (inflight?.promise === promise) inflight = undefined;
      });
    inflight = { db, generation, promise };
  }
  await inflight.promise;
}

/** The published content of this install. */
export function catalog(): Catalog {
  return current().catalog;
}

/** One course in one locale, or undefined. */
export function getCourse(slug: string, locale: Locale): Course | undefined {
  return catalog().courses.get(slug)?.[locale];
}

/** Every course in one locale, in a stable order. */
export function listCourses(locale: Locale): Course[] {
  return [...catalog().courses.values()].map((c) => c[locale]);
}

/**
 * One checklist in one locale, or undefined; with `version`, that published version (an audit
 * keeps the version it started on). A version the database never held (an audit started before
 * content lived in the database, on a version since replaced in content/) falls back to the latest.
 */
export function getChecklist(slug: string, locale: Locale, version?: number): ChecklistDoc | undefined {
  if (version !== undefined) {
    const exact = current().checklistVersions.get(versionKey(slug, version));
    if (exact) return exact[locale];
  }
  return catalog().checklists.get(slug)?.[locale];
}

/** Every checklist in one locale. */
export function listChecklists(locale: Locale): ChecklistDoc[] {
  return [...catalog().checklists.values()].map((c) => c[locale]);
}
