// Publishing a draft: a new version (latest + 1) with the editor's note, in the audit log. A
// material change of a course makes older completions due for recertification; a non-material
// one leaves them alone. Audits in progress keep the checklist version they started on.
import { and, eq } from 'drizzle-orm';
import { contentDrafts, type ContentKind } from '../../../db/schema.ts';
import { refreshCatalog } from '../content/catalog.ts';
import { canonicalJson } from '../content/documents.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { conflict, unprocessable } from '../errors.ts';
import { assertCanEdit, invalidDoc, validateDoc, type Actor } from './authoring-access.ts';
import { getDraft } from './drafts.ts';
import { getPublished } from './published-docs.ts';
import { publishVersion, type PublishedVersion } from './publish-version.ts';
import { staleDraft } from './save-draft.ts';

export const MAX_NOTE_LENGTH = 2000;

export type PublishContentOptions = {
  actor: Actor;
  kind: ContentKind;
  slug: string;
  material: boolean;
  note: string;
  /** When given, the draft revision the editor is publishing; 409 if someone saved since. */
  revision?: number;
  now?: number;
};


/** Publishes the draft as the next version; returns it and what it did to completions. */
export async function publishContent(db: Db, o: PublishContentOptions): Promise<PublishedVersion> {
  assertCanEdit(o.actor);
  const note = o.note.trim();
  if (!note) throw unprocessable('Say what changed in a note', [{ field: 'note', message: 'a change note is required' }]).as('authoring.error.noteMissing');
  if (note.length > MAX_NOTE_LENGTH) throw unprocessable(`The note is at most ${MAX_NOTE_LENGTH} characters`, [{ field: 'note', message: `at most ${MAX_NOTE_LENGTH} characters` }]).as('authoring.error.noteTooLong', { max: MAX_NOTE_LENGTH });
  const now = o.now ?? Date.now();
  const result = await writeTransaction(db, async (tx) => {
    const draft = await getDraft(tx, o.kind, o.slug);
    if (!draft) throw conflict(`There is no draft of "${o.slug}" to publish`).as('authoring.error.noDraft');
    if (o.revision !== undefined && o.revision !== draft.revision) throw staleDraft(draft);
    const checked = validateDoc(o.kind, draft.doc);
    if (!checked.ok) throw invalidDoc(checked.problems);
    const current = await getPublished(tx, o.kind, o.slug);
    if (current && canonicalJson(current.doc) === canonicalJson(checked.doc)) throw unprocessable('The draft is the same as the published version').as('authoring.error.unchanged');
    const published = await publishVersion(tx, { kind: o.kind, slug: o.slug, doc: checked.doc, material: o.material, note, actorId: o.actor.id, source: 'editor', now });
    await tx.delete(contentDrafts).where(and(eq(contentDrafts.kind, o.kind), eq(contentDrafts.slug, o.slug)));
    return published;
  });
  // this process serves the new version at once; the others see the generation move on their next request
  await refreshCatalog(db);
  return result;
}
