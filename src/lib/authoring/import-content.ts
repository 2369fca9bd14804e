// Imports a content/ library (already read and validated by loadCatalog) as published versions:
// on the first start of an install, and by `npm run lms -- content import <dir|zip>`. What is
// unchanged stays as it is, so importing the same files twice (or an export) publishes nothing.
import type { ContentKind } from '../../../db/schema.ts';
import { canonicalJson, docFromChecklists, docFromCourses, type ContentDoc } from '../content/documents.ts';
import type { Catalog } from '../content/load-content.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { getPublished } from './published-docs.ts';
import { publishVersion } from './publish-version.ts';
import { assertCanEdit, type Actor } from './authoring-access.ts';

export type ImportContentOptions = {
  source: Catalog;
  actor: Actor;
  material?: boolean;
  note?: string;
  /**
   * False for the first start only: the library shipped with the code becoming the database's first
   * version is part of installing, like the migrations, and no one's act. Every later import and
   * every publish is in the audit log.
   */
  log?: boolean;
  now?: number;
};
export type ImportedItem = { kind: ContentKind; slug: string; version: number };
export type ImportContentResult = { published: ImportedItem[]; unchanged: ImportedItem[] };

/** Publishes every course and checklist of `source` that differs from what is published; all or nothing. */
export async function importContent(db: Db, o: ImportContentOptions): Promise<ImportContentResult> {
  assertCanEdit(o.actor);
  const now = o.now ?? Date.now();
  const items: { kind: ContentKind; slug: string; fileVersion: number; doc: ContentDoc }[] = [
    ...[...o.source.courses].map(([slug, c]) => ({ kind: 'course' as const, slug, fileVersion: c.en.meta.version, doc: docFromCourses(c) })),
    ...[...o.source.checklists].map(([slug, c]) => ({ kind: 'checklist' as const, slug, fileVersion: c.en.version, doc: docFromChecklists(c) })),
  ];
  return writeTransaction(db, async (tx) => {
    const result: ImportContentResult = { published: [], unchanged: [] };
    for (const item of items) {
      const current = await getPublished(tx, item.kind, item.slug);
      if (current && canonicalJson(current.doc) === canonicalJson(item.doc)) {
        result.unchanged.push({ kind: item.kind, slug: item.slug, version: current.version });
        continue;
      }
      // the files' version number is kept when it is ahead of the database, else the next one
      const version = Math.max(item.fileVersion, (current?.version ?? 0) + 1);
      const note = o.note ?? (current ? 'Imported from content files' : 'Initial import of the content library');
      await publishVersion(tx, { kind: item.kind, slug: item.slug, doc: item.doc, version, material: o.material ?? false, note, actorId: o.actor.id, source: 'import', log: o.log, now });
      result.published.push({ kind: item.kind, slug: item.slug, version });
    }
    return result;
  });
}

/** Whether the database holds no published content yet (a first start). */
export async function hasNoContent(db: Db): Promise<boolean> {
  const [course] = await db.query.contentVersions.findMany({ limit: 1, columns: { id: true } });
  return !course;
}
