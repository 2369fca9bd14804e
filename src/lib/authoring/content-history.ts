// Old versions stay readable: the list of versions, and any version beside the one before it as a
// line diff of its files in the content/ format (what a reviewer would see in git).
import { diffLines } from 'diff';
import type { ContentKind } from '../../../db/schema.ts';
import { checklistFiles, courseFiles } from '../content/content-files.ts';
import type { ChecklistDocument, ContentDoc, CourseDoc } from '../content/documents.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { assertCanEdit, type Actor } from './authoring-access.ts';
import { getPublished, listVersions } from './published-docs.ts';

export type DiffLine = { op: ' ' | '+' | '-'; text: string };
export type FileDiff = { file: string; lines: DiffLine[] };

const filesOf = (kind: ContentKind, slug: string, doc: ContentDoc | null): Map<string, string> =>
  !doc ? new Map() : kind === 'course' ? courseFiles(slug, 0, doc as CourseDoc) : checklistFiles(slug, 0, doc as ChecklistDocument);

/** The changed files between two documents, each as lines kept, added and removed (unchanged files left out). */
export function diffDocs(kind: ContentKind, slug: string, before: ContentDoc | null, after: ContentDoc): FileDiff[] {
  const a = filesOf(kind, slug, before);
  const b = filesOf(kind, slug, after);
  const names = [...new Set([...a.keys(), ...b.keys()])];
  const out: FileDiff[] = [];
  for (const file of names) {
    const from = a.get(file) ?? '';
    const to = b.get(file) ?? '';
    if (from === to) continue;
    const lines: DiffLine[] = [];
    for (const part of diffLines(from, to)) {
      const op = part.added ? '+' : part.removed ? '-' : ' ';
      for (const text of part.value.replace(/\n$/, '').split('\n')) lines.push({ op, text });
    }
    out.push({ file, lines });
  }
  return out;
}

/** Every version of one course or checklist, newest first. */
export async function contentHistory(db: Db, o: { actor: Actor; kind: ContentKind; slug: string }) {
  assertCanEdit(o.actor);
  const versions = await listVersions(db, o.kind, o.slug);
  if (versions.length === 0) throw notFound(`There is no published ${o.kind} "${o.slug}"`).as('authoring.error.unknown', { slug: o.slug });
  return versions;
}

/** One version with its diff against the version before it (or against nothing, for the first). */
export async function contentVersion(db: Db, o: { actor: Actor; kind: ContentKind; slug: string; version: number }) {
  assertCanEdit(o.actor);
  const row = await getPublished(db, o.kind, o.slug, o.version);
  if (!row || row.version !== o.version) throw notFound(`There is no version ${o.version} of "${o.slug}"`).as('authoring.error.unknownVersion', { slug: o.slug, version: o.version });
  const versions = await listVersions(db, o.kind, o.slug);
  const previousNumber = versions.find((v) => v.version < o.version)?.version;
  const previous = previousNumber === undefined ? undefined : await getPublished(db, o.kind, o.slug, previousNumber);
  return { ...row, previousVersion: previous?.version ?? null, diff: diffDocs(o.kind, o.slug, previous?.doc ?? null, row.doc) };
}
