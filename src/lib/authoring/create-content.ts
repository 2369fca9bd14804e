// A new course or checklist starts as a draft; it reaches people when it is first published.
import type { ContentKind } from '../../../db/schema.ts';
import { contentDrafts } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { conflict, unprocessable } from '../errors.ts';
import { appendLog } from '../log/append-log.ts';
import { assertCanEdit, invalidDoc, slugPattern, validateDoc, type Actor } from './authoring-access.ts';
import { getDraft } from './drafts.ts';
import { latestVersion } from './publish-version.ts';

export type CreateContentOptions = { actor: Actor; kind: ContentKind; slug: string; doc: unknown; now?: number };

/** Creates the first draft of a new course or checklist; 409 when the slug is taken. */
export async function createContent(db: Db, o: CreateContentOptions): Promise<{ slug: string; revision: number }> {
  assertCanEdit(o.actor);
  if (!slugPattern.test(o.slug)) throw unprocessable('The slug is lower-case letters, digits and hyphens', [{ field: 'slug', message: 'must be lower-case letters, digits and hyphens, at most 80' }]).as('authoring.error.slug');
  const checked = validateDoc(o.kind, o.doc);
  if (!checked.ok) throw invalidDoc(checked.problems);
  const now = o.now ?? Date.now();
  await writeTransaction(db, async (tx) => {
    if ((await latestVersion(tx, o.kind, o.slug)) > 0 || (await getDraft(tx, o.kind, o.slug))) throw conflict(`There is already a ${o.kind} "${o.slug}"`).as('authoring.error.slugTaken', { slug: o.slug });
    await tx.insert(contentDrafts).values({ kind: o.kind, slug: o.slug, body: JSON.stringify(checked.doc), revision: 1, baseVersion: null, updatedBy: o.actor.id, updatedAt: now });
    await appendLog(tx, { actorId: o.actor.id, action: 'content.create', subjectType: o.kind, subjectId: o.slug, at: now });
  });
  return { slug: o.slug, revision: 1 };
}
