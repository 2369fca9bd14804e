// What both editor pages load: the course or checklist as the editor should start from (its
// draft, else the published version), and the island's labels in the reader's language.
import { catalogKeys, t, type Locale } from '../../i18n/index.ts';
import type { Actor } from '../../lib/authoring/authoring-access.ts';
import { getAuthoring, type AuthoringView } from '../../lib/authoring/get-authoring.ts';
import { roles } from '../../lib/auth/permissions.ts';
import { pickDoc, type ContentDoc } from '../../lib/content/documents.ts';
import type { Db } from '../../lib/db/client.ts';
import { AppError } from '../../lib/errors.ts';

export type EditorPage = { view: AuthoringView; doc: ContentDoc; revision: number; hasDraft: boolean; nextVersion: number; labels: Record<string, string>; title: string };

/** The editor's starting point, or null for an unknown slug (the page answers 404). */
export async function loadEditorPage(db: Db, o: { actor: Actor; kind: 'course' | 'checklist'; slug: string; locale: Locale }): Promise<EditorPage | null> {
  let view: AuthoringView;
  try {
    view = await getAuthoring(db, { actor: o.actor, kind: o.kind, slug: o.slug });
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  }
  const source = (view.draft ?? view.published)!;
  const doc = pickDoc(o.kind, source as unknown as Record<string, unknown>);
  // templates keep their {placeholders}: the island fills them
  const raw = (key: string) => t(o.locale, key).replace(/\{(\w+)\}/g, '{$1}');
  const labels = Object.fromEntries([
    ...catalogKeys(o.locale).filter((k) => k.startsWith('authoring.ui.') || k.startsWith('authoring.new.')).map((k) => [k.slice('authoring.'.length), raw(k)]),
    ...roles.map((r) => [`role.${r}`, t(o.locale, `role.${r}`)]),
  ]);
  return {
    view,
    doc,
    revision: view.draft?.revision ?? 0,
    hasDraft: !!view.draft,
    nextVersion: (view.published?.version ?? 0) + 1,
    labels,
    title: doc[o.locale].title,
  };
}
