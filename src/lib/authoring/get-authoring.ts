// One course or checklist as its editors see it: the published version and the draft, if any.
import type { ContentKind } from '../../../db/schema.ts';
import type { ContentDoc } from '../content/documents.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { assertCanEdit, type Actor } from './authoring-access.ts';
import { getDraft } from './drafts.ts';
import { getPublished } from './published-docs.ts';
import { untranslatedFields } from './untranslated.ts';

export type AuthoringView<D extends ContentDoc = ContentDoc> = {
  slug: string;
  kind: ContentKind;
  published: ({ version: number; publishedAt: number; note: string; material: boolean } & D) | null;
  draft?: { revision: number; baseVersion: number | null; updatedAt: number; updatedBy: string | null; updatedByName: string | null; untranslated: string[] } & D;
};

export type GetAuthoringOptions = { actor: Actor; kind: ContentKind; slug: string };

/** The published version and draft of one course or checklist; 404 when neither exists. */
export async function getAuthoring(db: Db, o: GetAuthoringOptions): Promise<AuthoringView> {
  assertCanEdit(o.actor);
  const [published, draft] = await Promise.all([getPublished(db, o.kind, o.slug), getDraft(db, o.kind, o.slug)]);
  if (!published && !draft) throw notFound(`There is no ${o.kind} "${o.slug}"`).as('authoring.error.unknown', { slug: o.slug });
  const view: AuthoringView = {
    slug: o.slug,
    kind: o.kind,
    published: published ? { version: published.version, publishedAt: published.publishedAt, note: published.note, material: published.material, ...published.doc } : null,
  };
  if (draft) {
    view.draft = {
      revision: draft.revision,
      baseVersion: draft.baseVersion,
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedBy,
      updatedByName: draft.updatedByName,
      untranslated: untranslatedFields(draft.doc),
      ...draft.doc,
    };
  }
  return view;
}
