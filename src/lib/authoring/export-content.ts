// `npm run lms -- content export <dir>`: the published content written back in the content/
// format, so a firm can keep it in git; importing the export again changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { locales } from '../../i18n/index.ts';
import { checklistFiles, courseFiles } from '../content/content-files.ts';
import type { ChecklistDocument, CourseDoc } from '../content/documents.ts';
import type { Db } from '../db/client.ts';
import { listLatestPublished } from './published-docs.ts';

/** Writes every latest published course and checklist under `dir`; returns the files written (relative paths). */
export async function exportContent(db: Db, dir: string): Promise<string[]> {
  const rows = await listLatestPublished(db);
  const written: string[] = [];
  for (const r of rows) {
    const files = r.kind === 'course' ? courseFiles(r.slug, r.version, r.doc as CourseDoc) : checklistFiles(r.slug, r.version, r.doc as ChecklistDocument);
    if (r.kind === 'course') {
      // lessons renamed or removed since an earlier export must not linger beside the new ones
      for (const locale of locales) {
        const courseDir = path.join(dir, 'courses', locale, r.slug);
        if (fs.existsSync(courseDir)) for (const f of fs.readdirSync(courseDir)) if (f.endsWith('.md')) fs.rmSync(path.join(courseDir, f));
      }
    }
    for (const [rel, text] of files) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      written.push(rel);
    }
  }
  return written;
}
