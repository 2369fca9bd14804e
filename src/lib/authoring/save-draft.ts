// Autosave of a draft with a version check: a save names the revision it was based on, and is
// refused (409, saying who saved in between) when someone else saved since. Nothing is overwritten
// silently. A draft must be valid content to be saved (422 naming each bad field).
import { and, eq } from 'drizzle-orm';
import { contentDrafts, type ContentKind } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { assertCanEdit, invalidDoc, validateDoc, type Actor } from './authoring-access.ts';
import { getDraft } from './drafts.ts';
import { latestVersion } from './publish-version.ts';
import { untranslatedFields } from './untranslated.ts';

export type SaveDraftOptions = {
  actor: Actor;
  kind: ContentKind;
  slug: string;
  /** The draft revision this save is based on; null or 0 when there was no draft. */
  revision: number | null;
  doc: unknown;
  now?: number;
};

export type SavedDraft = { revision: number; untranslated: string[] };

/** The error for a save based on a revision that is no longer the latest. */
export function staleDraft(current: { revision: number; updatedByName: string | null; updatedAt: number } | undefined, published?: number): AppError {
  if (!current) return conflict(`This draft was published${published ? ` as version ${published}` : ''} while you edited it; reload to start a new draft from it.`, { revision: 0, published }).as('authoring.error.publishedMeanwhile');
  const when = new Date(current.updatedAt).toISOString().slice(0, 16).replace('T', ' ');
  const name = current.updatedByName ?? 'Someone';
  const message = `${name} saved this draft at ${when} UTC (revision ${current.revision}) after you loaded it; reload to see their changes before saving yours.`;
  const details = { revision: current.revision, updatedByName: current.updatedByName, updatedAt: current.updatedAt };
  return conflict(message, details).as('authoring.error.stale', { name, when, revision: current.revision });
}

/** Saves the whole draft (both languages); returns its new revision. */
export async function saveDraft(db: Db, o: SaveDraftOptions): Promise<SavedDraft> {
  assertCanEdit(o.actor);
  const checked = validateDoc(o.kind, o.doc);
  if (!checked.ok) throw invalidDoc(checked.problems);
  const now = o.now ?? Date.now();
  const body = JSON.stringify(checked.doc);
  const base = o.revision ?? 0;
  return writeTransaction(db, async (tx) => {
    const existing = await getDraft(tx, o.kind, o.slug);
    const published = await latestVersion(tx, o.kind, o.slug);
    if (!existing && !published) throw notFound(`There is no ${o.kind} "${o.slug}"`).as('authoring.error.unknown', { slug: o.slug });
    if (existing) {
      if (existing.revision !== base) throw staleDraft(existing);
      const revision = existing.revision + 1;
      const done = await tx
        .update(contentDrafts)
        .set({ body, revision, updatedBy: o.actor.id, updatedAt: now })
        .where(and(eq(contentDrafts.kind, o.kind), eq(contentDrafts.slug, o.slug), eq(contentDrafts.revision, existing.revision)));
      if (done.rowsAffected !== 1) throw staleDraft(await getDraft(tx, o.kind, o.slug));
      return { revision, untranslated: untranslatedFields(checked.doc) };
    }
    // no draft: a save based on one means it was published meanwhile
    if (base !== 0) throw staleDraft(undefined, published);
    await tx.insert(contentDrafts).values({ kind: o.kind, slug: o.slug, body, revision: 1, baseVersion: published, updatedBy: o.actor.id, updatedAt: now });
    return { revision: 1, untranslated: untranslatedFields(checked.doc) };
  });
}
