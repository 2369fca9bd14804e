// The authoring list: every course and checklist with its published version, draft state and
// how much of it is not yet translated.
import type { ContentKind } from '../../../db/schema.ts';
import type { ContentDoc } from '../content/documents.ts';
import type { Db } from '../db/client.ts';
import { assertCanEdit, type Actor } from './authoring-access.ts';
import { listDrafts } from './drafts.ts';
import { listLatestPublished } from './published-docs.ts';
import { untranslatedFields } from './untranslated.ts';

export type AuthoringListRow = {
  kind: ContentKind;
  slug: string;
  title: string;
  titleZh: string;
  publishedVersion: number | null;
  publishedAt: number | null;
  draft: { revision: number; updatedAt: number; updatedByName: string | null } | null;
  /** Fields of the draft (or, without one, of the published version) whose Chinese is still the English. */
  untranslated: number;
};

const titles = (doc: ContentDoc) => ({ title: doc.en.title, titleZh: doc['zh-cn'].title });

/** Courses, then checklists, by slug. */
export async function listAuthoring(db: Db, o: { actor: Actor }): Promise<AuthoringListRow[]> {
  assertCanEdit(o.actor);
  const [published, drafts] = await Promise.all([listLatestPublished(db), listDrafts(db)]);
  const rows = new Map<string, AuthoringListRow>();
  for (const p of published) {
    rows.set(`${p.kind}/${p.slug}`, { kind: p.kind, slug: p.slug, ...titles(p.doc), publishedVersion: p.version, publishedAt: p.publishedAt, draft: null, untranslated: untranslatedFields(p.doc).length });
  }
  for (const d of drafts) {
    const key = `${d.kind}/${d.slug}`;
    const row = rows.get(key) ?? { kind: d.kind, slug: d.slug, ...titles(d.doc), publishedVersion: null, publishedAt: null, draft: null, untranslated: 0 };
    rows.set(key, { ...row, ...titles(d.doc), draft: { revision: d.revision, updatedAt: d.updatedAt, updatedByName: d.updatedByName }, untranslated: untranslatedFields(d.doc).length });
  }
  return [...rows.values()].sort((a, b) => (a.kind === b.kind ? a.slug.localeCompare(b.slug) : a.kind === 'course' ? -1 : 1));
}
