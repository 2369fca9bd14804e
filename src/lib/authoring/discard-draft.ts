// Throwing a draft away: the published version stays as it was; a course or checklist never
// published goes with its draft. Logged, and guarded by the same version check as saving.
import { and, eq } from 'drizzle-orm';
import { contentDrafts, type ContentKind } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { notFound } from '../errors.ts';
import { appendLog } from '../log/append-log.ts';
import { assertCanEdit, type Actor } from './authoring-access.ts';
import { getDraft } from './drafts.ts';
import { staleDraft } from './save-draft.ts';

export type DiscardDraftOptions = { actor: Actor; kind: ContentKind; slug: string; revision: number; now?: number };

/** Deletes the draft the editor last saw (409 if someone saved since; 404 if there is none). */
export async function discardDraft(db: Db, o: DiscardDraftOptions): Promise<void> {
  assertCanEdit(o.actor);
  await writeTransaction(db, async (tx) => {
    const draft = await getDraft(tx, o.kind, o.slug);
    if (!draft) throw notFound(`There is no draft of "${o.slug}"`).as('authoring.error.noDraft');
    if (draft.revision !== o.revision) throw staleDraft(draft);
    await tx.delete(contentDrafts).where(and(eq(contentDrafts.kind, o.kind), eq(contentDrafts.slug, o.slug), eq(contentDrafts.revision, o.revision)));
    await appendLog(tx, { actorId: o.actor.id, action: 'content.discard_draft', subjectType: o.kind, subjectId: o.slug, details: { revision: o.revision }, at: o.now });
  });
}
