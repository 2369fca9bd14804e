// Reading published versions straight from the database (the catalog cache serves pages; this
// serves authoring, import and export, which must see the latest write).
import { and, desc, eq, sql } from 'drizzle-orm';
import { contentVersions, type ContentKind } from '../../../db/schema.ts';
import type { ChecklistDocument, ContentDoc, CourseDoc } from '../content/documents.ts';
import type { Db, Tx } from '../db/client.ts';

export type Reader = Db | Tx;
export type PublishedRow = { kind: ContentKind; slug: string; version: number; doc: ContentDoc; material: boolean; note: string; publishedBy: string | null; publishedAt: number };

const columns = {
  kind: contentVersions.kind,
  slug: contentVersions.slug,
  version: contentVersions.version,
  body: contentVersions.body,
  material: contentVersions.material,
  note: contentVersions.note,
  publishedBy: contentVersions.publishedBy,
  publishedAt: contentVersions.publishedAt,
};
const toRow = ({ body, ...r }: { body: string } & Omit<PublishedRow, 'doc'>): PublishedRow => ({ ...r, doc: JSON.parse(body) as ContentDoc });

/** The latest published version of each course and checklist, ordered by kind and slug. */
export async function listLatestPublished(db: Reader): Promise<PublishedRow[]> {
  const rows = await db
    .select(columns)
    .from(contentVersions)
    .where(sql`${contentVersions.version} = (SELECT max(w.version) FROM content_versions w WHERE w.kind = ${contentVersions.kind} AND w.slug = ${contentVersions.slug})`)
    .orderBy(contentVersions.kind, contentVersions.slug);
  return rows.map(toRow);
}

/** One published version (the latest without `version`), or undefined. */
export async function getPublished(db: Reader, kind: ContentKind, slug: string, version?: number): Promise<PublishedRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(contentVersions)
    .where(and(eq(contentVersions.kind, kind), eq(contentVersions.slug, slug), version === undefined ? undefined : eq(contentVersions.version, version)))
    .orderBy(desc(contentVersions.version))
    .limit(1);
  return row && toRow(row);
}

/** Every published version of one course or checklist, newest first, without their bodies. */
export async function listVersions(db: Reader, kind: ContentKind, slug: string): Promise<Omit<PublishedRow, 'doc'>[]> {
  const { body: _body, ...rest } = columns;
  return db.select(rest).from(contentVersions).where(and(eq(contentVersions.kind, kind), eq(contentVersions.slug, slug))).orderBy(desc(contentVersions.version));
}

export type { ChecklistDocument, CourseDoc };
