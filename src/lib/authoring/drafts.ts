// Reading drafts, with the name of whoever saved them last (for the "someone else saved" message).
import { and, eq } from 'drizzle-orm';
import { contentDrafts, users, type ContentKind } from '../../../db/schema.ts';
import type { ContentDoc } from '../content/documents.ts';
import type { Reader } from './published-docs.ts';

export type DraftRow = { kind: ContentKind; slug: string; doc: ContentDoc; revision: number; baseVersion: number | null; updatedAt: number; updatedBy: string | null; updatedByName: string | null };

const columns = {
  kind: contentDrafts.kind,
  slug: contentDrafts.slug,
  body: contentDrafts.body,
  revision: contentDrafts.revision,
  baseVersion: contentDrafts.baseVersion,
  updatedAt: contentDrafts.updatedAt,
  updatedBy: contentDrafts.updatedBy,
  updatedByName: users.name,
};

const toRow = ({ body, ...r }: { body: string } & Omit<DraftRow, 'doc'>): DraftRow => ({ ...r, doc: JSON.parse(body) as ContentDoc });

/** The draft of one course or checklist, or undefined. */
export async function getDraft(db: Reader, kind: ContentKind, slug: string): Promise<DraftRow | undefined> {
  const [row] = await db.select(columns).from(contentDrafts).leftJoin(users, eq(users.id, contentDrafts.updatedBy)).where(and(eq(contentDrafts.kind, kind), eq(contentDrafts.slug, slug)));
  return row && toRow(row);
}

/** Every draft. */
export async function listDrafts(db: Reader): Promise<DraftRow[]> {
  const rows = await db.select(columns).from(contentDrafts).leftJoin(users, eq(users.id, contentDrafts.updatedBy));
  return rows.map(toRow);
}
